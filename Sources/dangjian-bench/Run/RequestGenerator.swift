/// Chooses each load client's next command from the mix and the workload sample.
///
/// Reads: `org unit show` of a sampled organisation (30 %), `grid case show` of a sampled
/// case (30 %), `grid case list` of a sampled grid filtered by status (25 %) and
/// `org unit tree` of a sampled community (15 %). Writes: `grid case report` in a sampled
/// grid, then the case's own steps, accept → start → resolve → confirm, each a later
/// command of the same client; so about one write in five is a report.
struct RequestGenerator {
    private var random: SeedRandom
    private let workload: Workload
    private let mix: CommandMix
    /// The one request a transport-reference client repeats.
    private let fixed: Request?
    /// Cases this client reported and the next step of each (0 accept … 3 confirm).
    private var ownCases: [(id: Int64, step: Int)] = []

    /// The reads and their shares of the read commands, in the order they are drawn.
    static let readShares: [(kind: RequestKind, share: Double)] = [(.unitShow, 0.30), (.caseShow, 0.30), (.caseList, 0.25), (.unitTree, 0.15)]

    /// A reported case's steps in order: what each is and the words after `case=<id>`.
    static let steps: [(kind: RequestKind, extra: String)] = [
        (.caseAccept, ""), (.caseStart, ""), (.caseResolve, " note=已处置"), (.caseConfirm, " note=回访满意"),
    ]
    private static let listStatuses = ["closed", "in_progress", "resolved", "reported"]

    init(client: Int, seed: UInt64, workload: Workload, mix: CommandMix) {
        random = SeedRandom(seed: seed &+ UInt64(client), stream: "client")
        self.workload = workload
        self.mix = mix
        fixed = nil
    }

    /// A generator that sends `line` every time (`ping`, Redis's `PING`).
    init(repeating kind: RequestKind, line: String) {
        random = SeedRandom(seed: 0, stream: "fixed")
        workload = Workload(unitCodes: [], communityCodes: [], gridCodes: [], caseIDs: [], caseCount: 0, streetCodes: [], districtCodes: [])
        mix = .read
        fixed = Request(kind: kind, line: line)
    }

    /// One request: what it is, its line (without the newline) and the case a step names.
    struct Request {
        var kind: RequestKind
        var line: String
        var caseID: Int64?
    }

    /// The next request.
    mutating func next() -> Request {
        if let fixed { return fixed }
        return random.chance(mix.writeShare) ? nextWrite() : nextRead()
    }

    /// Takes note of a reply: a reported case joins this client's cases; a refused step
    /// drops the case.
    mutating func observe(_ kind: RequestKind, reply: ReplyScanner.Reply, caseID: Int64?) {
        if kind == .caseReport, reply.status == 201, let id = reply.createdID {
            ownCases.append((id, 0))
        } else if kind.isWrite, kind != .caseReport, reply.status >= 400, let caseID {
            ownCases.removeAll { $0.id == caseID }
        }
    }

    private mutating func nextRead() -> Request {
        var draw = random.unit()
        for (kind, share) in Self.readShares.dropLast() {
            if draw < share { return read(kind) }
            draw -= share
        }
        return read(Self.readShares.last!.kind)
    }

    /// A read of `kind` with a target drawn from the workload.
    mutating func read(_ kind: RequestKind) -> Request {
        switch kind {
        case .unitShow: Request(kind: .unitShow, line: "org unit show unit=\(random.pick(workload.unitCodes))")
        case .caseShow: Request(kind: .caseShow, line: "grid case show case=\(random.pick(workload.caseIDs))")
        case .caseList:
            Request(kind: .caseList, line: "grid case list grid=\(random.pick(workload.gridCodes)) status=\(random.pick(Self.listStatuses)) limit=20")
        default: Request(kind: .unitTree, line: "org unit tree unit=\(random.pick(workload.communityCodes))")
        }
    }

    /// Step `index` (0 accept … 3 confirm) of the case `id`.
    static func step(_ index: Int, case id: Int64) -> Request {
        let (kind, extra) = steps[index]
        return Request(kind: kind, line: "\(kind.rawValue) case=\(id)\(extra)", caseID: id)
    }

    private mutating func nextWrite() -> Request {
        if !ownCases.isEmpty, random.chance(0.8) {
            let index = random.below(ownCases.count)
            let (id, step) = ownCases[index]
            if step + 1 == Self.steps.count {
                ownCases.remove(at: index)
            } else {
                ownCases[index].step += 1
            }
            return Self.step(step, case: id)
        }
        return report()
    }

    /// A new case reported in a grid drawn from the workload.
    mutating func report() -> Request {
        let category = random.pick(ChineseNames.caseCategories)
        let description = random.pick(ChineseNames.caseDetails)
        return Request(
            kind: .caseReport,
            line: "grid case report grid=\(random.pick(workload.gridCodes)) category=\(category) description=\(description) reporter=压测网格员")
    }
}
