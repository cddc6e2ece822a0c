import WorkbenchKit

/// How an operator names a grid in an argument: its id (`12`) or its code (`WG0101`).
typealias GridReference = RecordReference
