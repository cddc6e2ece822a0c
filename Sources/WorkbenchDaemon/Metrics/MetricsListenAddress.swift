/// Where the metrics listener binds (`metrics.listen`): an IP address and a TCP port,
/// written `127.0.0.1:9464`, `[::1]:9464` or `localhost:9464`. Port 0 lets the kernel choose
/// (the chosen port is logged and shown by `status`).
public struct MetricsListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host: an IPv4 or IPv6 address (without brackets) or `localhost`.
    public var host: String
    /// The TCP port, 0…65535.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`; nil when the text is not of that form.
    public init?(parsing text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            let octets = host.split(separator: ".", omittingEmptySubsequences: false)
            let isIPv4 = octets.count == 4 && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
            guard isIPv4 || host == "localhost" else { return nil }
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65_535).contains(port) else { return nil }
        self.init(host: String(host), port: port)
    }

    /// `host:port`, with brackets around an IPv6 host.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
