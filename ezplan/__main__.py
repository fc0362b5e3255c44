from ezplan.launch import main

main()
