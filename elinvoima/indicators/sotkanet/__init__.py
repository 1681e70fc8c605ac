"""Sotkanet (THL's indicator bank) files and REST API: parsing, importing, fetching.

Data from Sotkanet is CC BY 4.0; wherever it is shown, credit "THL, Sotkanet".
"""
