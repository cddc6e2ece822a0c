/// Builds PostgreSQL's COPY text format (tab-separated columns, `\N` for null, backslash
/// escapes for tab, newline, carriage return and backslash) into chunks for
/// ``PostgresConnection/copyIn(_:_:)``.
///
/// ```swift
/// try connection.copyIn("COPY grids.grids (id, code, name) FROM STDIN") { rows in
///     for grid in grids {
///         rows.row { $0.int(grid.id); $0.text(grid.code); $0.text(grid.name) }
///         try rows.flushIfFull()
///     }
/// }
/// ```
public struct CopyTextWriter {
    /// Bytes buffered before ``flushIfFull()`` sends them.
    public static let chunkBytes = 1 << 20

    private var buffer: [UInt8] = []
    private var columnsInRow = 0
    private let send: ([UInt8]) throws -> Void
    /// Rows written so far.
    public private(set) var rows = 0

    /// A writer that hands full chunks to `send`.
    public init(send: @escaping ([UInt8]) throws -> Void) {
        self.send = send
        buffer.reserveCapacity(Self.chunkBytes + 4096)
    }

    /// Writes one row: `columns` appends its values in the COPY statement's column order.
    public mutating func row(_ columns: (inout CopyTextWriter) -> Void) {
        columnsInRow = 0
        columns(&self)
        buffer.append(UInt8(ascii: "\n"))
        rows += 1
    }

    /// A text value, escaped; nil is SQL NULL.
    public mutating func text(_ value: String?) {
        separate()
        guard let value else { return appendNull() }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: buffer.append(byte)
            }
        }
    }

    /// An integer; nil is SQL NULL.
    public mutating func int(_ value: Int64?) {
        separate()
        guard let value else { return appendNull() }
        buffer.append(contentsOf: String(value).utf8)
    }

    /// An integer; nil is SQL NULL.
    public mutating func int(_ value: Int?) {
        int(value.map(Int64.init))
    }

    /// A value already in PostgreSQL's text form that needs no escaping (a number, a
    /// date, a timestamp, `t`/`f`, an array literal without backslashes); nil is SQL NULL.
    public mutating func literal(_ value: String?) {
        separate()
        guard let value else { return appendNull() }
        precondition(!value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }), "a COPY literal must not need escaping: \(value)")
        buffer.append(contentsOf: value.utf8)
    }

    /// A boolean.
    public mutating func bool(_ value: Bool) {
        separate()
        buffer.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    /// Sends the buffer when it holds at least ``chunkBytes``.
    public mutating func flushIfFull() throws {
        if buffer.count >= Self.chunkBytes { try flush() }
    }

    /// Sends whatever is buffered.
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Sends rows already in COPY text form, after anything buffered.
    public mutating func raw(_ text: [UInt8]) throws {
        try flush()
        guard !text.isEmpty else { return }
        try send(text)
    }

    /// The buffered bytes (for tests).
    public var bufferedText: String { String(decoding: buffer, as: UTF8.self) }

    private mutating func separate() {
        if columnsInRow > 0 { buffer.append(UInt8(ascii: "\t")) }
        columnsInRow += 1
    }

    private mutating func appendNull() {
        buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
    }
}
