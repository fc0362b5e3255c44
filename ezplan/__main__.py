from ezplan.cli import main

main()
