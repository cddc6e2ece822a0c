import Testing
import WorkbenchDaemon

/// `metrics.listen` takes an IP address or `localhost` and a port, and nothing else.
@Suite("metrics.listen addresses")
struct MetricsListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:9464", MetricsListenAddress(host: "127.0.0.1", port: 9464)),
        ("0.0.0.0:0", MetricsListenAddress(host: "0.0.0.0", port: 0)),
        ("localhost:9464", MetricsListenAddress(host: "localhost", port: 9464)),
        ("[::1]:9464", MetricsListenAddress(host: "::1", port: 9464)),
        ("[fe80::1]:65535", MetricsListenAddress(host: "fe80::1", port: 65535)),
    ])
    func accepted(text: String, expected: MetricsListenAddress) {
        #expect(MetricsListenAddress(parsing: text) == expected)
        #expect(MetricsListenAddress(parsing: text)?.description == text)
    }

    @Test(arguments: [
        "9464", ":9464", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.256:80", "example.org:9464",
        "::1:9464", "[::1]9464", "[]:9464", "127.0.0.1:９４６４", "127.0.0.1:80 ",
    ])
    func refused(text: String) {
        #expect(MetricsListenAddress(parsing: text) == nil)
    }
}
