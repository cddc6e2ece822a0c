import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A small, realistic district for a first look (`org demo load`), drawn from Zaozhuang's
/// Shizhong District of Zaozhuang (枣庄市市中区): "街道'大工委'—社区'大党委'—网格党支部—楼栋党小组",
/// part-time committee members from resident units, a food-delivery industry committee,
/// double reporting, co-building pairs and projects, vanguard points and covered venues.
///
/// Everything goes through the module's own stores, so the same rules apply as for typed
/// commands, and it all lands in one transaction with one audit row.
enum DemoDistrict {
    /// The district's code; its presence means the demo is loaded.
    static let districtCode = "SZQ"

    struct Street {
        var code: String
        var name: String
        var communities: [(code: String, name: String)]
    }

    static let streets = [
        Street(
            code: "SZQ-ZXJ", name: "中心街街道党工委",
            communities: [
                ("SZQ-ZXJ-01", "振兴路社区党委"), ("SZQ-ZXJ-02", "青檀路社区党委"), ("SZQ-ZXJ-03", "文化东路社区党委"), ("SZQ-ZXJ-04", "建华社区党委"),
            ]),
        Street(
            code: "SZQ-GML", name: "光明路街道党工委",
            communities: [
                ("SZQ-GML-01", "光明社区党委"), ("SZQ-GML-02", "锦绣社区党委"), ("SZQ-GML-03", "东湖社区党委"), ("SZQ-GML-04", "君山社区党委"),
            ]),
        Street(
            code: "SZQ-WHL", name: "文化路街道党工委",
            communities: [
                ("SZQ-WHL-01", "龙庭社区党委"), ("SZQ-WHL-02", "汇泉社区党委"), ("SZQ-WHL-03", "金桥社区党委"), ("SZQ-WHL-04", "鑫昌社区党委"),
            ]),
    ]

    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
    static let givenNames = [
        "芳", "伟", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平", "刚", "建国", "玉兰", "海燕", "志强",
    ]

    /// What was loaded, for the reply.
    struct Summary: Sendable {
        var units = 0
        var members = 0
        var reports = 0
        var pairs = 0
        var projects = 0
        var seats = 0
        var points = 0
        var venues = 0
    }

    static func load(
        today: CalendarDate, now: Date, categories: OrganizationsSettings, projects: StatusMachine, in session: PostgresSession
    ) async throws -> Summary {
        if try await session.queryOptionalRow(UnitStore.Queries.find, [Int64?.none, districtCode]) != nil {
            throw WorkbenchError.conflict(
                OrganizationsErrorCode.demoAlreadyLoaded,
                "the demo district \(districtCode) is already loaded; see 'org unit tree unit=\(districtCode) depth=2'"
            )
        }
        var summary = Summary()
        let established = CalendarDate(year: 2018, month: 3, day: 1)!
        func unit(
            _ code: String, _ name: String, _ kind: OrganizationKind, parent: String?, subtype: RegionalSubtype? = nil, secretary: String? = nil
        ) async throws -> Unit {
            summary.units += 1
            return try await UnitStore.add(
                UnitStore.Draft(
                    code: code, name: name, kind: kind, subtype: subtype, parent: parent.map(UnitReference.code), establishedOn: established,
                    secretary: secretary, phone: nil
                ),
                in: session
            )
        }
        var memberIndex = 0
        func member(in unitCode: String, residence: String?, workUnit: String? = nil) async throws -> Member {
            memberIndex += 1
            let i = memberIndex
            let name = String(surnames[(i * 7) % surnames.count]) + givenNames[(i * 11) % givenNames.count]
            let phone = "13" + String(5 + i % 5) + String(format: "%08d", (i * 7_919_113) % 100_000_000)
            summary.members += 1
            return try await MemberStore.add(
                MemberStore.Draft(
                    name: name, phone: phone, status: i % 9 == 0 ? .probationary : .formal,
                    joinedOn: CalendarDate(year: 1985 + i % 38, month: 1 + i % 12, day: 1 + i % 28)!, unit: .code(unitCode),
                    workUnit: workUnit, residence: residence.map(UnitReference.code), isMobile: i % 13 == 0
                ),
                in: session
            )
        }

        _ = try await unit(districtCode, "中共枣庄市市中区委员会", .district, parent: nil, secretary: "赵书记")
        _ = try await unit("SZQ-WMHY", "市中区外卖送餐行业综合党委", .industry, parent: districtCode)
        _ = try await unit("SZQ-WMHY-ZX", "中兴红骑手党支部", .branch, parent: "SZQ-WMHY")
        let hospital = try await unit("SZQ-RMYY", "市中区人民医院党委", .residentUnit, parent: districtCode)
        let school = try await unit("SZQ-SWZ", "枣庄市第十五中学党总支", .residentUnit, parent: districtCode)
        let power = try await unit("SZQ-GDZX", "国网市中供电中心党支部", .residentUnit, parent: districtCode)
        let residentUnits = [hospital, school, power]
        var communities: [String] = []
        for street in streets {
            _ = try await unit(street.code, street.name, .street, parent: districtCode)
            for (code, name) in street.communities {
                communities.append(code)
                _ = try await unit(code, name, .community, parent: street.code)
                for grid in 1...2 {
                    let gridCode = "\(code)-G\(grid)"
                    _ = try await unit(gridCode, "\(name.replacingOccurrences(of: "社区党委", with: ""))第\(grid)网格党支部", .gridBranch, parent: code)
                    _ = try await unit("\(gridCode)-L1", "\(grid)号楼党小组", .buildingGroup, parent: gridCode)
                    for _ in 0..<3 { _ = try await member(in: gridCode, residence: code) }
                }
            }
        }
        _ = try await unit("SZQ-ZXJ-WD", "万达广场商圈党委", .regional, parent: "SZQ-ZXJ", subtype: .businessDistrict)
        _ = try await unit("SZQ-GML-DH", "东湖公园园区党支部", .regional, parent: "SZQ-GML", subtype: .park)
        // In-service members of the resident units, who report where they live.
        var inService: [Member] = []
        for (index, resident) in residentUnits.enumerated() {
            for n in 0..<4 {
                inService.append(
                    try await member(in: resident.code, residence: communities[(index * 4 + n) % communities.count], workUnit: resident.name))
            }
        }
        let start = CalendarDate(year: today.year, month: 1, day: 1)!
        // Double reporting: every resident unit reports to two communities; its members where they live.
        for (index, resident) in residentUnits.enumerated() {
            for community in [communities[index], communities[index + 6]] {
                let (report, _) = try await ReportStore.report(.unit(resident), to: .code(community), on: start, note: "场地共享、志愿服务", in: session)
                summary.reports += 1
                _ = try await ReportStore.serve(report: report, on: today, hours: Decimal(3 + index), activity: "社区志愿服务", today: today, in: session)
            }
        }
        for (index, member) in inService.enumerated() where index % 2 == 0 {
            let (report, _) = try await ReportStore.report(.member(member), to: .code(member.residenceCode!), on: start, note: nil, in: session)
            summary.reports += 1
            _ = try await ReportStore.serve(report: report, on: today, hours: 2, activity: "楼栋走访", today: today, in: session)
        }
        // Part-time seats on the street and community committees.
        for (index, street) in streets.enumerated() {
            let termEnd = CalendarDate(year: today.year + 2, month: 12, day: 31)!
            _ = try await SeatStore.add(
                SeatStore.Draft(
                    committee: .code(street.code), person: inService[index].name, memberID: inService[index].id,
                    fromUnit: .code(residentUnits[index].code), title: "兼职委员", termStart: start, termEnd: termEnd,
                    maximumTermYears: categories.seatTermYears
                ),
                in: session
            )
            _ = try await SeatStore.add(
                SeatStore.Draft(
                    committee: .code(street.communities[0].code), person: inService[index + 3].name, memberID: inService[index + 3].id,
                    fromUnit: .code(residentUnits[index].code), title: "兼职委员", termStart: start, termEnd: termEnd,
                    maximumTermYears: categories.seatTermYears
                ),
                in: session
            )
            summary.seats += 2
        }
        // Co-building pairs and their projects.
        let projectTitles = ["党员活动室共建", "老旧小区加装电梯", "社区义诊", "青少年课后托管"]
        for (index, resident) in residentUnits.enumerated() {
            let (pair, _, _) = try await CoBuildingStore.addPair(
                unit: .code(resident.code), community: .code(communities[index]), since: start, commitment: "双向承诺：资源共享、活动共办", in: session)
            summary.pairs += 1
            for step in 0..<2 {
                let title = projectTitles[(index + step) % projectTitles.count]
                let category = categories.projectCategories[(index * 2 + step) % categories.projectCategories.count]
                let project = try await CoBuildingStore.addProject(
                    pair: pair, title: title, category: category, due: CalendarDate(year: today.year, month: 12, day: 31), in: session)
                summary.projects += 1
                if step == 0 {
                    _ = try await CoBuildingStore.updateProject(project, .init(status: .inProgress), machine: projects, in: session)
                }
            }
        }
        // Vanguard points for the first members.
        let allMembers = try await MemberStore.list(
            MemberStore.ListFilter(state: "active"), page: Page(limit: 1000), in: session
        )
        for (index, member) in allMembers.prefix(24).enumerated() {
            let category = categories.pointsCategories[index % max(1, categories.pointsCategories.count - 1)]
            _ = try await PointsStore.add(member: member.id, category: category, points: 2 + (index * 5) % 9, reason: "社区志愿服务", at: now, in: session)
            summary.points += 1
        }
        // Venues: a business district, a park, an office building and firms; not all covered.
        let venues: [(String, VenueKind, String, Int, Int, String?)] = [
            ("万达广场", .market, "SZQ-ZXJ", 2600, 180, "SZQ-ZXJ-WD"),
            ("东湖公园", .park, "SZQ-GML", 120, 15, "SZQ-GML-DH"),
            ("金桥商务楼", .officeBuilding, "SZQ-WHL", 800, 60, nil),
            ("鲁南物流有限公司", .firm, "SZQ-ZXJ-02", 150, 9, "SZQ-WMHY"),
            ("青檀文化创意园", .park, "SZQ-ZXJ-02", 300, 22, nil),
        ]
        for (name, kind, area, employees, members, coveredBy) in venues {
            let (venue, _) = try await CoverageStore.addVenue(
                name: name, kind: kind, area: .code(area), address: nil, employees: employees, members: members, in: session)
            summary.venues += 1
            if let coveredBy {
                let cover = try await UnitStore.find(.code(coveredBy), argument: "unit", in: session)
                try await session.query(CoverageStore.Queries.cover, [venue, cover.id, start])
                try await session.query(CoverageStore.Queries.activity, [venue, today, "主题党日活动"])
            }
        }
        return summary
    }
}
