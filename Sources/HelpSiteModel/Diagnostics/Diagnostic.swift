/// One problem found in the input, as a value: the stages return these and
/// the command line decides how to show them.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// A second place that explains the first: the other language's value,
    /// the first occurrence of a duplicate.
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation
        public var message: String

        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var notes: [Note]
    /// The kind of problem (`fact.differs`), for the JSON, GitHub and JUnit outputs and
    /// for tests; a problem of reading a file is `content.invalid`.
    public var code: DiagnosticCode
    /// Other places the message speaks of (the reference language's value), for tools;
    /// the message itself already names them for people.
    public var related: [SourceLocation]

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation, notes: [Note] = [],
        code: DiagnosticCode = .contentInvalid, related: [SourceLocation] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.code = code
        self.related = related
    }

    public static func error(_ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    /// The compiler form editors and CI logs understand:
    /// `content/fr/complaints.yaml:42:7: error: ...`, one line per note after it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        for note in notes {
            text += "\n\(note.location): note: \(note.message)"
        }
        return text
    }
}

/// The problems a stage found, in the order it found them.
public struct Diagnostics: Sendable, Sequence {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }
    public var isEmpty: Bool { all.isEmpty }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func error(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        all.append(.error(message, at: location, notes: notes))
    }

    /// Sorted by file and position, so that output reads top to bottom.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }
}
