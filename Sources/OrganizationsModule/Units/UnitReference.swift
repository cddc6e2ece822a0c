import WorkbenchKit

/// How an operator names an organisation in an argument: its id (`17`) or its code (`JD01`).
typealias UnitReference = RecordReference
