import Foundation
import Glibc
import Testing
import WorkbenchDaemon
import WorkbenchTestSupport

@Suite("sd_notify and socket activation without libsystemd")
struct SystemdTests {
    private func listener(at path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        #expect(bound == 0)
        return descriptor
    }

    private func receive(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    @Test func messagesReachAPathSocket() throws {
        let path = try TestCluster.makeTemporaryDirectory("dangjian-notify") + "/notify.sock"
        let descriptor = try listener(at: path)
        defer { close(descriptor) }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        notifier.ready(status: "serving")
        #expect(receive(descriptor) == "READY=1\nSTATUS=serving")
        notifier.reloading()
        let reloading = receive(descriptor)
        #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
        #expect(Int64(reloading.split(separator: "\n")[1].dropFirst("MONOTONIC_USEC=".count)) ?? 0 > 0)
        notifier.stopping()
        #expect(receive(descriptor) == "STOPPING=1\nSTATUS=stopping")
    }

    @Test func messagesReachAnAbstractSocket() throws {
        let name = "@dangjian-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = try listener(at: name)
        defer { close(descriptor) }
        SystemdNotifier(environment: ["NOTIFY_SOCKET": name]).watchdog()
        #expect(receive(descriptor) == "WATCHDOG=1")
    }

    @Test func watchdogIntervalIsReadOnlyForThisProcess() {
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "20000000"]).watchdogInterval == .seconds(20))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "\(getpid())"]).watchdogInterval == .seconds(20))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "1"]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: [:]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: [:]).socketPath == nil)
    }

    @Test func socketActivationFindsTheNamedDescriptor() {
        let pid = "\(getpid())"
        #expect(SocketActivation.descriptor(named: "control", environment: ["LISTEN_FDS": "1", "LISTEN_PID": pid]) == 3)
        #expect(
            SocketActivation.descriptor(
                named: "control", environment: ["LISTEN_FDS": "2", "LISTEN_PID": pid, "LISTEN_FDNAMES": "metrics:control"]
            ) == 4
        )
        #expect(SocketActivation.descriptor(named: "control", environment: ["LISTEN_FDS": "1", "LISTEN_PID": "1"]) == nil)
        #expect(SocketActivation.descriptor(named: "control", environment: [:]) == nil)
        #expect(
            SocketActivation.descriptor(named: "control", environment: ["LISTEN_FDS": "2", "LISTEN_PID": pid, "LISTEN_FDNAMES": "a:b"]) == nil
        )
    }
}
