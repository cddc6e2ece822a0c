/// One generated grid case with its history, shaped the way the daemon's own workflow and
/// escalation service would have left it at the dataset's `as-of` instant.
///
/// The clocks follow config/dangjian.yaml's defaults (2 / 3 / 5 / 10 days, 4 / 12 / 24 / 48
/// hours when urgent, counted here in calendar days; warnings at 80 %), and open cases are
/// already escalated up to the street level and marked overdue above it, as the escalation
/// service would have done. So a daemon started on the dataset finds it in a steady state:
/// the service has nothing to catch up on beyond the deadlines that fall due while it runs.
struct CaseHistory {
    /// One row of `grids.case_events`.
    struct Event {
        var at: Int64
        var kind: String
        var actor: String
        var fromStatus: String?
        var toStatus: String?
        var fromLevel: String?
        var toLevel: String?
        var note: String?
    }

    static let levels = ["complex", "community", "street", "department"]
    /// The highest level the escalation service escalates to on its own (`auto_escalate_to`).
    static let automaticCeiling = 2
    static let warningShare = 0.8

    var id: Int64
    var code: String
    var grid: OrganisationPlan.Grid
    var category: String
    var source: String
    var reporter: String
    var description: String
    var latitude: Double?
    var longitude: Double?
    var urgent: Bool
    var startLevel: Int
    var level: Int
    var department: String?
    var status = "reported"
    var assignee: String?
    var reportedAt: Int64
    var clockStartedAt: Int64?
    var warnAt: Int64?
    var dueAt: Int64?
    var warned = false
    var overdueNoted = false
    var escalatedTo: [String] = []
    var missedDeadlines = 0
    var resolvedAt: Int64?
    var resolvedOnTime: Bool?
    var closedAt: Int64?
    var cancelReason: String?
    var updatedAt: Int64
    var events: [Event] = []

    /// The deadline's length at a level, in seconds.
    static func deadline(level: Int, urgent: Bool) -> Int64 {
        let hours: [Int64] = urgent ? [4, 12, 24, 48] : [48, 72, 120, 240]
        return hours[level] * 3_600
    }

    /// The status a case of this age has, drawn from shares that make recent cases open and
    /// old ones closed (a few stay resolved without a follow-up, a few were cancelled).
    static func status(ageSeconds: Int64, _ random: inout SeedRandom) -> String {
        let day: Int64 = 86_400
        let shares: [(String, Double)] =
            switch ageSeconds {
            case ..<day: [("reported", 0.40), ("accepted", 0.30), ("in_progress", 0.25), ("resolved", 0.05)]
            case ..<(7 * day):
                [("reported", 0.05), ("accepted", 0.15), ("in_progress", 0.40), ("resolved", 0.25), ("closed", 0.12), ("cancelled", 0.03)]
            case ..<(30 * day): [("in_progress", 0.10), ("resolved", 0.10), ("closed", 0.76), ("cancelled", 0.04)]
            default: [("resolved", 0.01), ("closed", 0.95), ("cancelled", 0.04)]
            }
        var draw = random.unit()
        for (status, share) in shares {
            if draw < share { return status }
            draw -= share
        }
        return shares.last!.0
    }

    /// Generates case `id` reported `ageSeconds` before `asOf` in `grid`.
    init(id: Int64, grid: OrganisationPlan.Grid, asOf: Int64, ageSeconds: Int64, utcOffsetSeconds: Int64, _ random: inout SeedRandom) {
        self.id = id
        self.grid = grid
        reportedAt = asOf - ageSeconds
        code = "GC-\(CopyValues.year(of: reportedAt, utcOffsetSeconds: utcOffsetSeconds))-" + Self.sixDigits(id)
        category = random.pick(ChineseNames.caseCategories)
        source = random.pick(ChineseNames.caseSources)
        reporter = "网格员" + ChineseNames.person(&random)
        description = random.pick(ChineseNames.caseDetails)
        if random.chance(0.7) {
            latitude = grid.latitude + (random.unit() - 0.5) * 0.002
            longitude = grid.longitude + (random.unit() - 0.5) * 0.002
        }
        urgent = random.chance(0.1)
        startLevel =
            switch (category, urgent) {
            case ("安全隐患", true): 2
            case ("安全隐患", false), ("乱搭建", _): 1
            default: 0
            }
        level = startLevel
        updatedAt = reportedAt
        let target = Self.status(ageSeconds: ageSeconds, &random)
        events.append(Event(at: reportedAt, kind: "reported", actor: reporter, toStatus: "reported", toLevel: Self.levels[startLevel]))
        let open = ["reported", "accepted", "in_progress"].contains(target)
        if open {
            runOpen(to: target, asOf: asOf, &random)
        } else {
            runFinished(to: target, asOf: asOf, &random)
        }
    }

    /// An open case: the steps so far, then the clock as the escalation service leaves it.
    private mutating func runOpen(to target: String, asOf: Int64, _ random: inout SeedRandom) {
        var clock = reportedAt
        let span = asOf - reportedAt
        var at = reportedAt
        let steps = target == "reported" ? [] : target == "accepted" ? ["accepted"] : ["accepted", "started"]
        for step in steps {
            at += Int64(random.unit() * Double(span) / 3)
            transition(step, at: at, actor: assigneeName(&random))
        }
        // The escalation service: past the deadline at a level it escalates from, up one
        // level with a new clock; past it above, noted once as overdue.
        while true {
            let due = clock + Self.deadline(level: level, urgent: urgent)
            if due > asOf { break }
            if level < Self.automaticCeiling {
                events.append(
                    Event(
                        at: due, kind: "escalated", actor: "dangjiand", fromStatus: status, toStatus: status,
                        fromLevel: Self.levels[level], toLevel: Self.levels[level + 1], note: "超时自动上报")
                )
                level += 1
                escalatedTo.append(Self.levels[level])
                missedDeadlines += 1
                clock = due
                continue
            }
            events.append(
                Event(
                    at: due, kind: "overdue", actor: "dangjiand", fromStatus: status, toStatus: status,
                    fromLevel: Self.levels[level], toLevel: Self.levels[level]))
            overdueNoted = true
            missedDeadlines += 1
            break
        }
        let due = clock + Self.deadline(level: level, urgent: urgent)
        clockStartedAt = clock
        dueAt = due
        warnAt = clock + Int64(Double(due - clock) * Self.warningShare)
        if let warnAt, warnAt <= asOf, due > asOf {
            warned = true
            events.append(Event(at: warnAt, kind: "warning", actor: "dangjiand", fromLevel: Self.levels[level], toLevel: Self.levels[level]))
        }
        updatedAt = events.map(\.at).max() ?? reportedAt
    }

    /// A resolved, closed or cancelled case: its steps within a few days of the report.
    private mutating func runFinished(to target: String, asOf: Int64, _ random: inout SeedRandom) {
        let span = min(asOf - reportedAt, 6 * 86_400)
        var at = reportedAt
        func later(_ share: Double) -> Int64 { min(asOf, at + max(60, Int64(random.unit() * share * Double(span)))) }
        var clock = reportedAt
        if target == "cancelled" {
            at = later(0.3)
            cancelReason = "重复上报"
            events.append(
                Event(
                    at: at, kind: "cancelled", actor: assigneeName(&random), fromStatus: "reported", toStatus: "cancelled",
                    fromLevel: Self.levels[level], toLevel: Self.levels[level], note: cancelReason))
            status = "cancelled"
            updatedAt = at
            return
        }
        at = later(0.1)
        transition("accepted", at: at, actor: assigneeName(&random))
        if level < 3, random.chance(0.06) {
            at = later(0.15)
            let next = level + 1
            if next == 3 { department = random.pick(ChineseNames.departments) }
            events.append(
                Event(
                    at: at, kind: "escalated", actor: assignee ?? reporter, fromStatus: status, toStatus: status,
                    fromLevel: Self.levels[level], toLevel: Self.levels[next], note: "需上级协调"))
            level = next
            escalatedTo.append(Self.levels[level])
            clock = at
        }
        at = later(0.2)
        transition("started", at: at, actor: assignee ?? reporter)
        at = later(0.4)
        resolvedAt = at
        resolvedOnTime = at <= clock + Self.deadline(level: level, urgent: urgent) && missedDeadlines == 0
        events.append(
            Event(
                at: at, kind: "resolved", actor: assignee ?? reporter, fromStatus: status, toStatus: "resolved",
                fromLevel: Self.levels[level], toLevel: Self.levels[level], note: "已处置完毕"))
        status = "resolved"
        if target == "closed" {
            at = later(0.3)
            closedAt = at
            events.append(
                Event(
                    at: at, kind: "confirmed", actor: reporter, fromStatus: "resolved", toStatus: "closed",
                    fromLevel: Self.levels[level], toLevel: Self.levels[level], note: "回访满意"))
            status = "closed"
        }
        updatedAt = at
    }

    private mutating func transition(_ kind: String, at: Int64, actor: String) {
        let to = kind == "accepted" ? "accepted" : "in_progress"
        events.append(
            Event(at: at, kind: kind, actor: actor, fromStatus: status, toStatus: to, fromLevel: Self.levels[level], toLevel: Self.levels[level]))
        status = to
    }

    private mutating func assigneeName(_ random: inout SeedRandom) -> String {
        if let assignee { return assignee }
        let name = "社区" + ChineseNames.person(&random)
        assignee = name
        return name
    }

    private static func sixDigits(_ id: Int64) -> String {
        let text = String(id)
        return text.count >= 6 ? text : String(repeating: "0", count: 6 - text.count) + text
    }
}
