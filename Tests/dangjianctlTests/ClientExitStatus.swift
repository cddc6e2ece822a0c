@testable import dangjianctl

/// dangjianctl's exit status; Testing has an `ExitStatus` of its own, for exit tests.
typealias ClientExitStatus = dangjianctl.ExitStatus
