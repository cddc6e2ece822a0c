/// A failure the bench reports to the operator and exits 1 on: what went wrong and what to do.
struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
