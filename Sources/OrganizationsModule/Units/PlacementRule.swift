import WorkbenchKit

/// Applies ``OrganizationKind/allowedChildren`` and ``OrganizationKind/roots``: the one place
/// that decides whether a unit may sit where it is being put.
enum PlacementRule {
    /// Throws a 422 naming both kinds when `child` may not sit directly under `parent`
    /// (nil: at the top of a tree).
    static func check(child: OrganizationKind, under parentKind: OrganizationKind?, childCode: String, parent: Unit?) throws {
        guard let parentKind else {
            if OrganizationKind.roots.contains(child) { return }
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitParentRequired,
                message: "a \(child.label) needs a parent organisation (parent=); only "
                    + OrganizationKind.roots.sorted().map(\.label).joined(separator: " or ") + " may stand at the top",
                argument: "parent"
            )
        }
        guard parentKind.mayContain(child) else {
            let allowed = OrganizationKind.allowedChildren[parentKind, default: []].sorted().map(\.rawValue)
            let parentName = parent.map { " \($0.label)" } ?? ""
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitKindNotAllowed,
                message: "a \(child.label) cannot sit under a \(parentKind.label)\(parentName); "
                    + (allowed.isEmpty
                        ? "a \(parentKind.rawValue) has no child organisations"
                        : "under a \(parentKind.rawValue) may sit: " + allowed.joined(separator: ", ")),
                argument: "parent"
            )
        }
    }
}
