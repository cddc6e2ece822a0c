extension Optional {
    /// The async counterpart of `map`, for optional arguments resolved in the database
    /// (`arguments.optionalString("scope").asyncMap { try await … }`).
    public func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async rethrows -> Mapped? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
