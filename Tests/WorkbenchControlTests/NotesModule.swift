import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A small module that exists only in the tests, to exercise the registry, the dispatcher's
/// transactions, audit rows and request ids against a real database.
struct NotesModule: WorkbenchModule {
    static let id = "notes"
    static let alias = "note"
    static let title = "笔记"
    static let migrations = [
        Migration(
            version: 1, name: "create_notes", fileName: "0001_create_notes.sql",
            sql: """
                CREATE TABLE notes.notes (
                    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    title text NOT NULL CONSTRAINT notes_title_key UNIQUE,
                    body  text CONSTRAINT notes_body_short CHECK (length(body) < 100)
                );
                """
        )
    ]

    init(context: ModuleContext) async throws {}

    static let insert = PostgresStatement(
        "notes.insert", "INSERT INTO notes.notes (title, body) VALUES ($1, $2) RETURNING id"
    )

    var commands: [CommandSpec] {
        [
            CommandSpec(
                "add", synopsis: "Add a note",
                arguments: [.required("title", .string(), help: "Title", label: "标题"), .optional("body", .text(), help: "Body")],
                mutates: true
            ) { invocation in
                let id: Int64 = try await invocation.database.query(
                    Self.insert, [invocation.arguments.string("title"), invocation.arguments.optionalString("body")]
                ).single().decode("id")
                return .created(id: id, "note \(id) added")
            },
            CommandSpec(
                "add-then-refuse", synopsis: "Insert a note, then refuse (to prove the rollback)",
                arguments: [.required("title", .string(), help: "Title")], mutates: true
            ) { invocation in
                try await invocation.database.query(Self.insert, [invocation.arguments.string("title"), String?.none])
                throw WorkbenchError.ruleRefused("notes.refused", "refused after inserting")
            },
            CommandSpec(
                "wipe", synopsis: "Delete every note (force=true needs an admin, as a command's own permission check)",
                arguments: [
                    .optional("force", .bool, default: "false", help: "Also pinned notes"),
                    .optional("pin", .string(), help: "A secret", isSecret: true),
                ],
                mutates: true
            ) { invocation in
                if try invocation.arguments.bool("force") && !invocation.caller.may(.admin) {
                    throw WorkbenchError.forbidden("force=true needs the admin role")
                }
                _ = try await invocation.database.execute(PostgresStatement("notes.wipe", "DELETE FROM notes.notes"))
                return .message("wiped")
            },
            CommandSpec("list", synopsis: "List notes") { invocation in
                let rows = try await invocation.database.query(
                    PostgresStatement("notes.list", "SELECT id, title FROM notes.notes ORDER BY id")
                )
                return .table(
                    columns: ["id", "title"],
                    rows: try rows.map { [.int(try $0.decode("id", as: Int64.self)), .string(try $0.decode("title", as: String.self))] })
            },
            CommandSpec(
                "sleep", synopsis: "Sleep in the database",
                arguments: [.required("seconds", .int(0...60), help: "Seconds")]
            ) { invocation in
                try await invocation.database.query(PostgresStatement(unnamed: "SELECT pg_sleep($1)"), [invocation.arguments.int("seconds")])
                return .message("slept")
            },
        ]
    }

    var constraintErrors: [String: WorkbenchError] {
        ["notes_title_key": .conflict("notes.duplicate_title", "a note with this title exists; choose another title")]
    }
}
