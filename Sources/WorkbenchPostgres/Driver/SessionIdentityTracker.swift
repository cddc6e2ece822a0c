/// Which ``SessionIdentity`` a connection's session has in force, and what the next round
/// trip must send for the borrower's. Free of I/O, so that its rules are tested without a
/// database.
///
/// Session-level settings are transactional: a change made in a transaction that is rolled
/// back is undone. So a change counts as in force only once a round trip that carried it, or
/// a later one of the same transaction, ends without error outside a transaction; a round
/// trip that fails while a change is pending, or a transaction that ends otherwise
/// (``abandon()``), leaves the identity unknown, and the next borrower's first round trip sets
/// its own again, whatever it is.
struct SessionIdentityTracker: Sendable {
    /// What the session has in force.
    enum State: Equatable {
        /// Nothing set (a fresh connection, or reset).
        case none
        /// The identity with this key.
        case identity(String)
        /// Not known: whatever comes next must be set again.
        case unknown
    }

    /// What the session has in force, as far as is known.
    private(set) var inForce = State.none
    /// A change sent in a transaction that has not ended yet.
    private(set) var pending: State?
    /// What the current borrower wants (none unless it says so).
    private(set) var wanted: SessionIdentity?
    /// How to take back the last identity set.
    private var reset: BoundStatement?

    /// A new borrower: it wants no identity until it asks for one.
    mutating func borrowerChanged() {
        wanted = nil
        abandon()
    }

    /// The current borrower wants `identity` (nil: none) from its next round trip on.
    mutating func want(_ identity: SessionIdentity?) {
        wanted = identity
    }

    /// The statement to put at the head of the next round trip, if the session's identity
    /// must change for the borrower; the change is pending until ``roundTripEnded``.
    mutating func opening() -> BoundStatement? {
        let target = wanted.map { State.identity($0.key) } ?? .none
        let current = pending ?? inForce
        if current == target { return nil }
        let statement: BoundStatement
        if let wanted {
            statement = wanted.establish
            reset = wanted.reset
        } else if let reset {
            statement = reset
        } else {
            // Nothing was ever set on this session, so nothing needs taking back.
            inForce = .none
            return nil
        }
        pending = target
        return statement
    }

    /// A round trip ended: without any error or not, and outside a transaction (idle) or not.
    mutating func roundTripEnded(succeeded: Bool, idle: Bool) {
        guard let change = pending else { return }
        if !succeeded {
            inForce = .unknown
            pending = nil
        } else if idle {
            inForce = change
            pending = nil
        }
    }

    /// A transaction ended without a round trip reporting it (a rollback): a pending change
    /// may be undone.
    mutating func abandon() {
        if pending != nil {
            inForce = .unknown
            pending = nil
        }
    }
}
