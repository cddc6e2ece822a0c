public import WorkbenchKit
public import WorkbenchPostgres

/// What other modules may ask the organizations module: organisations and members by the
/// names operators give them, as small public snapshots, with this module's own 404 and 422
/// replies. Other modules keep foreign keys to `organizations.units (id)` and
/// `organizations.members (id)` and resolve arguments through this type.
///
/// ```swift
/// let community = try await OrganizationDirectory.activeUnit("SQ01", argument: "community", kind: "community", in: session)
/// ```
public enum OrganizationDirectory {
    /// An organisation as other modules see it.
    public struct Organization: Sendable, Equatable {
        /// Its id.
        public var id: Int64
        /// Its code (`SQ01`).
        public var code: String
        /// Its name.
        public var name: String
        /// Its kind's raw value (`community`, `grid_branch`, …).
        public var kind: String
        /// The ltree path of ids from the root (`1.4.27`), for subtree queries.
        public var path: String
        /// Whether it has not been dissolved.
        public var isActive: Bool
        /// How messages name it: `SQ01 新华社区党委`.
        public var label: String { "\(code) \(name)" }
    }

    /// A Party member as other modules see it.
    public struct Member: Sendable, Equatable {
        /// Its id.
        public var id: Int64
        /// Full name.
        public var name: String
        /// Phone as stored, if any (mask it with ``maskedPhone(_:)`` below admin).
        public var phone: String?
        /// The code of the organisation the member belongs to.
        public var unitCode: String
        /// Whether the member is still on the rolls.
        public var isActive: Bool
    }

    /// The argument spec for an organisation named by id or code, as the organizations
    /// module's own commands take it.
    public static func unitArgument(_ name: String, required: Bool = true, help: String, label: String? = nil) -> ArgumentSpec {
        OrganizationsModule.unitArgument(name, required: required, help: help, label: label)
    }

    /// The organisation named by `reference` (an id or a code), or a 404 naming `argument`.
    public static func unit(_ reference: String, argument: String, in session: PostgresSession) async throws -> Organization {
        Organization(try await UnitStore.find(UnitReference(reference), argument: argument, in: session))
    }

    /// The organisation an optional filter argument names (an id or a code, `scope=`), nil
    /// when the argument was not given; a 404 naming it when there is none, and a 403 when it
    /// lies outside the caller's scope (a filter is a request to see a subtree, refused and
    /// audited as such, where a row outside the scope is a 404 like a missing one).
    public static func unit(_ name: String, of arguments: Arguments, in session: PostgresSession) async throws -> Organization? {
        guard let text = arguments.optionalString(name) else { return nil }
        return Organization(try await UnitStore.findFilter(UnitReference(text), argument: name, in: session))
    }

    /// An active organisation named by `reference`, locked against dissolution until the
    /// transaction ends; a 404 when unknown, a 422 when dissolved or, with `kind`, of
    /// another kind.
    public static func activeUnit(
        _ reference: String, argument: String, kind: String? = nil, in session: PostgresSession
    ) async throws -> Organization {
        let unit = try await UnitStore.findActive(UnitReference(reference), argument: argument, lock: .share, in: session)
        if let kind, unit.kind.rawValue != kind {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitWrongKind,
                message: "\(unit.label) is a \(unit.kind.rawValue), but \(argument)= must name a \(kind)", argument: argument
            )
        }
        return Organization(unit)
    }

    /// An active member by id, or a 404/422 naming `argument`.
    public static func activeMember(_ id: Int64, argument: String, in session: PostgresSession) async throws -> Member {
        let member = try await MemberStore.findActive(id, argument: argument, in: session)
        return Member(id: member.id, name: member.name, phone: member.phone, unitCode: member.unitCode, isActive: member.isActive)
    }

    /// A phone number as typed minus blanks, or a 400 naming `argument` when it is not one.
    public static func phone(_ text: String, argument: String) throws -> String {
        guard let phone = PhoneNumber.normalized(text) else {
            throw WorkbenchError.invalidArgument(argument, "'\(text)' is not a phone number (e.g. 13812341234 or 021-62561234)")
        }
        return phone
    }

    /// The SQL condition that venue `venue` (an SQL expression for its id) is covered by some
    /// organisation on `day` (an SQL expression for a date): the one rule of the "two full
    /// coverages" 两个全覆盖 that `org coverage` and `org stats` use, for another module's query.
    public static func venueCoveredCondition(venue: String, on day: String) -> String {
        CoverageStore.Queries.organisationallyCovered(venue: venue, on: day)
    }

    /// `138****1234`: how phones are shown to roles below admin.
    public static func maskedPhone(_ number: String) -> String { PhoneNumber.masked(number) }
}

extension OrganizationDirectory.Organization {
    init(_ unit: Unit) {
        self.init(id: unit.id, code: unit.code, name: unit.name, kind: unit.kind.rawValue, path: unit.path, isActive: unit.isActive)
    }
}
