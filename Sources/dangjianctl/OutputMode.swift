/// How replies are printed.
enum OutputMode: Equatable, Sendable {
    /// Tables aligned, records with aligned keys, errors on standard error.
    case text
    /// Requests carry `--json`; the JSON after the status goes to standard output as is,
    /// failed replies go whole to standard error.
    case json
    /// Every reply line exactly as received, on standard output (requests carry `--json`
    /// too when it was asked for).
    case raw
}
