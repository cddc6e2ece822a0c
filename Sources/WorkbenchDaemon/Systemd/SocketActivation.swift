public import Foundation
import Glibc

/// Sockets passed by systemd socket activation (`LISTEN_FDS`, `LISTEN_PID`,
/// `LISTEN_FDNAMES`; descriptors start at 3).
public enum SocketActivation {
    /// The descriptor of the passed socket named `name` (or the only unnamed one), if this
    /// process was given one.
    public static func descriptor(named name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        guard let count = environment["LISTEN_FDS"].flatMap(Int32.init), count > 0 else { return nil }
        if let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid != getpid() { return nil }
        let names = environment["LISTEN_FDNAMES"]?.split(separator: ":", omittingEmptySubsequences: false).map(String.init) ?? []
        for index in 0..<count {
            let descriptorName = index < names.count ? names[Int(index)] : "unknown"
            if descriptorName == name || (count == 1 && (names.isEmpty || descriptorName == "unknown")) {
                let descriptor = 3 + index
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                return descriptor
            }
        }
        return nil
    }
}
