import Glibc

/// NULL-terminated arrays of C strings for libpq's keyword/value and parameter arrays.
enum CStringArray {
    /// Calls `body` with `strings` as a NULL-terminated `const char *const *`.
    static func with<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Calls `body` with `strings` as parameter values (nil stays a NULL pointer: SQL NULL).
    static func withOptional<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let copies = strings.map { $0.map { strdup($0) } }
        defer { copies.forEach { $0.map { free($0) } } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0!) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
