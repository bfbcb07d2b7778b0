import CSVIngest

// The problem lists a run can spill to disk: diagnostics and duplicates.

extension Diagnostic: SpillCodable {
    func encode(to encoder: inout SpillEncoder) {
        encoder.append(severity.rawValue)
        encoder.append(code.rawValue)
        encoder.append(file)
        encoder.append(row)
        encoder.append(line)
        encoder.append(column)
        encoder.append(field)
        encoder.append(message)
        encoder.append(raw)
    }

    init(from decoder: inout SpillDecoder) {
        let severity = Severity(rawValue: decoder.string()) ?? .error
        let code = DiagnosticCode(decoder.string())
        self.init(severity: severity, code: code, file: decoder.string(), row: decoder.int(), line: decoder.int(),
                  column: decoder.int(), field: decoder.optionalString(), message: decoder.string(),
                  raw: decoder.string())
    }
}

extension SourceLocation {
    func encode(to encoder: inout SpillEncoder) {
        encoder.append(file)
        encoder.append(fileIndex)
        encoder.append(row)
        encoder.append(line)
    }

    init(from decoder: inout SpillDecoder) {
        self.init(file: decoder.string(), fileIndex: decoder.int(), row: decoder.int(), line: decoder.int())
    }
}

extension DuplicateEntry: SpillCodable {
    func encode(to encoder: inout SpillEncoder) {
        encoder.append(dataset.rawValue)
        encoder.append(key)
        location.encode(to: &encoder)
        original.encode(to: &encoder)
    }

    init(from decoder: inout SpillDecoder) {
        self.init(dataset: Dataset(rawValue: decoder.string()) ?? .inspections, key: decoder.string(),
                  location: SourceLocation(from: &decoder), original: SourceLocation(from: &decoder))
    }
}
