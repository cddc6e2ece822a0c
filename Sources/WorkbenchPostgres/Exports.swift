// What every target above WorkbenchPostgres uses and is not about PostgreSQL (days and
// weekdays, system accounts) lives in WorkbenchFoundation beneath it; importing
// WorkbenchPostgres brings it along.
@_exported public import WorkbenchFoundation
