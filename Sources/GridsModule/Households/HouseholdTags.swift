import Foundation
import WorkbenchKit

/// Reading `tags=独居老人,困难家庭` against the configured tags (`household_tags`).
enum HouseholdTags {
    /// The tags in `text`, in the order given and without repeats; a 400 naming the first
    /// tag that is not in `allowed`, with the allowed list.
    static func parse(_ text: String, allowed: [String], argument: String) throws -> [String] {
        var tags: [String] = []
        for tag in ListText.items(text) {
            guard !tags.contains(tag) else { continue }
            try check(tag, allowed: allowed, argument: argument)
            tags.append(tag)
        }
        return tags
    }

    /// A 400 when `tag` is not in `allowed`.
    static func check(_ tag: String, allowed: [String], argument: String) throws {
        guard allowed.contains(tag) else {
            throw WorkbenchError.invalidArgument(
                argument, code: GridsErrorCode.householdUnknownTag,
                "'\(tag)' is not a household tag; use one of: \(allowed.joined(separator: ", ")) (modules.grids.household_tags)"
            )
        }
    }
}
