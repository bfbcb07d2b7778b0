@_exported import CSVIngest
