"""ezplan: consistency checks and yearly paths for the quantified targets of development plans."""

__version__ = "0.1.0"
