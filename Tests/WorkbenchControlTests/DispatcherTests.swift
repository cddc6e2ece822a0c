import Foundation
import Testing
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("The dispatcher against a real database: transactions, audit, request ids, roles, limits")
struct DispatcherTests {
    @Test func aChangeIsCommittedWithItsAuditRow() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let reply = await harness.send(#"notes add title="第一 笔记" body=hello"#, as: DispatcherHarness.operatorCaller)
            #expect(reply.hasPrefix("201-id: 1\n"))
            #expect(reply.hasSuffix("201 note 1 added\n"))
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
            let audit = try await harness.pool.withConnection { session in
                try await session.query(
                    PostgresStatement(
                        unnamed: "SELECT peer_user, role, module, command, arguments->>'title' AS title, reply_status FROM workbench.audit_log"
                    )
                ).single()
            }
            #expect(try audit.decode("peer_user", as: String.self) == "operator1")
            #expect(try audit.decode("role", as: String.self) == "operator")
            #expect(try audit.decode("module", as: String.self) == "notes")
            #expect(try audit.decode("command", as: String.self) == "add")
            #expect(try audit.decode("title", as: String.self) == "第一 笔记")
            #expect(try audit.decode("reply_status", as: Int.self) == 201)
        }
    }

    @Test func aRefusedChangeLeavesNoChangeAndOnlyARefusalRow() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let reply = await harness.send("notes add-then-refuse title=x")
            #expect(reply == "422 notes.refused: refused after inserting\n")
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 0)
            #expect(try await harness.count("SELECT count(*) FROM workbench.audit_log WHERE reply_status < 300") == 0)
            #expect(
                try await harness.count("SELECT count(*) FROM workbench.audit_log WHERE reply_status = 422 AND reply_code = 'notes.refused'") == 1)
        }
    }

    @Test func noChangeWithoutItsAuditRow() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            // Make the audit insert fail for one title: the note insert must roll back with it.
            try await harness.pool.withConnection { session in
                try await session.executeScript(
                    """
                    CREATE FUNCTION notes.refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.arguments->>'title' = 'boom' AND NEW.reply_status < 300 THEN
                            RAISE EXCEPTION 'audit refused' USING HINT = 'tests.audit_refused';
                        END IF;
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER refuse_audit BEFORE INSERT ON workbench.audit_log
                        FOR EACH ROW EXECUTE FUNCTION notes.refuse_audit();
                    """
                )
            }
            let reply = await harness.send("notes add title=boom")
            #expect(DispatcherHarness.status(reply) == 422)
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 0)
            #expect(DispatcherHarness.status(await harness.send("notes add title=fine")) == 201)
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
        }
    }

    @Test func requestIDReplaysTheFirstReplyAndChangesNothing() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let first = await harness.send("notes add title=once request_id=abc-1")
            let again = await harness.send("notes add title=once request_id=abc-1")
            #expect(first.hasPrefix("201-id: 1"))
            #expect(again == first)
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
            // The change and its replay, each with a row of its own.
            #expect(try await harness.count("SELECT count(*) FROM workbench.audit_log") == 2)
            #expect(
                try await harness.count(
                    "SELECT count(*) FROM workbench.audit_log WHERE reply_code = 'request.replayed' AND request_id = 'abc-1' AND reply_status = 201"
                ) == 1
            )
            // JSON replay of the same stored reply.
            let json = await harness.send("notes add title=once request_id=abc-1 --json")
            #expect(json.hasPrefix(#"201 {"id":1,"record":{"id":1}"#))
            // The same id with other arguments is a conflict, not a replay.
            let reused = await harness.send("notes add title=other request_id=abc-1")
            #expect(reused.hasPrefix("409 request.id_reused:"))
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
        }
    }

    @Test func requestIDsBelongToTheirCaller() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let mine = await harness.send("notes add title=mine request_id=shared-1", as: DispatcherHarness.operatorCaller)
            #expect(mine.hasPrefix("201-id: 1"))
            // Another user's request with the same id is a request of its own: it neither replays
            // the first user's reply nor is refused as a reuse.
            let theirs = await harness.send("notes add title=theirs request_id=shared-1", as: DispatcherHarness.admin)
            #expect(theirs.hasPrefix("201-id: 2"))
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 2)
            // Each caller's repeat replays their own reply.
            #expect(await harness.send("notes add title=theirs request_id=shared-1", as: DispatcherHarness.admin) == theirs)
            #expect(await harness.send("notes add title=mine request_id=shared-1", as: DispatcherHarness.operatorCaller) == mine)
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 2)
            #expect(
                try await harness.count(
                    "SELECT count(*) FROM workbench.audit_log WHERE reply_code = 'request.replayed' AND peer_uid = 1000"
                ) == 1
            )
        }
    }

    @Test func concurrentRetriesWithOneRequestIDApplyOnce() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let replies = await withTaskGroup(of: String.self) { group in
                for _ in 0..<4 {
                    group.addTask { await harness.send("notes add title=race request_id=r-1") }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(replies).count == 1)
            #expect(replies[0].hasPrefix("201-"))
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
        }
    }

    @Test func aRequestIDOfARefusedCommandCanBeRetried() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            #expect(DispatcherHarness.status(await harness.send("notes add-then-refuse title=x request_id=r-2")) == 422)
            #expect(try await harness.count("SELECT count(*) FROM workbench.idempotency_keys") == 0)
            // The refusal rolled the key back with everything else: the id is free for the retry.
            #expect(DispatcherHarness.status(await harness.send("notes add title=x request_id=r-2")) == 201)
            #expect(DispatcherHarness.status(await harness.send("notes add title=x request_id=r-2")) == 201)
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
        }
    }

    @Test func refusalsAreAuditedWithTheirArguments() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            // Refused by the role check, before the arguments are checked: the row keeps them as
            // written, the secret redacted.
            let refused = await harness.send("notes wipe force=true pin=1234 request_id=w-1", as: DispatcherHarness.viewer)
            #expect(refused.hasPrefix("403 access.denied:"))
            // Refused by the command's own check, after the role check passed.
            let guarded = await harness.send("notes wipe force=true pin=5678", as: DispatcherHarness.operatorCaller)
            #expect(guarded.hasPrefix("403 access.denied: force=true needs the admin role"))
            let tail = await harness.send("audit tail status=403 command=\"notes wipe\"")
            #expect(tail.contains(#"{"pin": "***", "force": "true"}"#), "\(tail)")
            #expect(tail.contains("\tw-1\t"))
            #expect(tail.contains("\toperator1\t1000\t"))
            #expect(!tail.contains("1234") && !tail.contains("5678"))
            #expect(tail.hasSuffix("200 2 rows\n"))
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 0)
        }
    }

    @Test func auditTailFindsRowsByEveryFilter() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            for index in 1...5 { #expect(DispatcherHarness.status(await harness.send("notes add title=t\(index)")) == 201) }
            #expect(DispatcherHarness.status(await harness.send("notes add title=t1", as: DispatcherHarness.operatorCaller)) == 409)
            #expect(DispatcherHarness.status(await harness.send("calendar set date=2027-10-01 kind=holiday name=国庆节")) == 201)
            let calendar = await harness.send("audit tail module=calendar")
            #expect(calendar.contains("\tcalendar set\t") && calendar.hasSuffix("200 1 row\n"), "\(calendar)")
            let core = await harness.send("audit tail module=workbench")
            #expect(core.contains("\tcalendar set\t") && !core.contains("notes add"))
            let byUser = await harness.send("audit tail user=operator1")
            #expect(byUser.hasSuffix("200 1 row\n") && byUser.contains("\t409\t"))
            #expect(await harness.send("audit tail user=1000") == byUser)
            #expect(await harness.send("audit tail status=4xx") == byUser)
            #expect(await harness.send("audit tail command=\"notes add\" status=201").hasSuffix("200 5 rows\n"))
            // Paging: two at a time, the last line names the next page.
            let page = await harness.send("audit tail module=notes n=2")
            let last = try #require(page.split(separator: "\n").last)
            #expect(last.hasPrefix("200 2 rows; older rows: before="), "\(page)")
            let before = try #require(last.split(separator: "=").last)
            let older = await harness.send("audit tail module=notes n=10 before=\(before)")
            #expect(older.hasSuffix("200 4 rows\n"), "\(older)")
            let today = await harness.send("audit tail from=today to=today n=100")
            #expect(today.hasSuffix("200 7 rows\n"), "\(today)")
            #expect(await harness.send("audit tail from=2020-01-01 to=2020-01-31").hasSuffix("200 0 rows\n"))
            #expect(await harness.send("audit tail status=4x").hasPrefix("400 argument.invalid: status="))
            #expect(await harness.send("audit tail module=nothing").hasPrefix("400 argument.invalid:"))
        }
    }

    @Test func rolesAreEnforcedAndRefusalsAudited() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let refused = await harness.send("notes add title=x", as: DispatcherHarness.viewer)
            #expect(refused.hasPrefix("403 access.denied: 'notes add' needs role operator; you (user viewer1, uid 1001) have role viewer"))
            #expect(DispatcherHarness.status(await harness.send("notes list", as: DispatcherHarness.viewer)) == 200)
            #expect(DispatcherHarness.status(await harness.send("audit tail", as: DispatcherHarness.operatorCaller)) == 403)
            let stranger = await harness.send("notes list", as: DispatcherHarness.stranger)
            #expect(stranger.hasPrefix("403 access.denied:"))
            #expect(stranger.contains("no role"))
            #expect(DispatcherHarness.status(await harness.send("ping", as: DispatcherHarness.stranger)) == 200)
            #expect(DispatcherHarness.status(await harness.send("whoami", as: DispatcherHarness.stranger)) == 200)
            #expect(DispatcherHarness.status(await harness.send("help", as: DispatcherHarness.stranger)) == 200)
            #expect(DispatcherHarness.status(await harness.send("status", as: DispatcherHarness.stranger)) == 403)
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 0)
            #expect(try await harness.count("SELECT count(*) FROM workbench.audit_log WHERE reply_status = 403") == 3)
            let tail = await harness.send("audit tail n=5 module=notes")
            #expect(tail.contains("\tnotes add\t"))
            #expect(tail.hasSuffix("200 2 rows\n"))
        }
    }

    @Test func namedConstraintsGetTheModulesError() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            #expect(DispatcherHarness.status(await harness.send("notes add title=dup")) == 201)
            #expect(
                await harness.send("notes add title=dup")
                    == "409 notes.duplicate_title: a note with this title exists; choose another title\n"
            )
            let tooLong = await harness.send("notes add title=long body=\(String(repeating: "x", count: 150))")
            #expect(tooLong.hasPrefix("422 database.rule_refused:"))
            #expect(tooLong.contains("notes_body_short"))
            #expect(try await harness.count("SELECT count(*) FROM notes.notes") == 1)
        }
    }

    @Test func argumentErrorsAreAnsweredBeforeAnythingRuns() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            #expect(await harness.send("notes add").hasPrefix("400 argument.missing: missing argument title (标题)"))
            #expect(await harness.send("notes add title=a colour=red").hasPrefix("400 argument.unknown:"))
            #expect(await harness.send("notes sleep seconds=soon").hasPrefix("400 argument.invalid: seconds=\"soon\" is not valid"))
            #expect(await harness.send("notes fly").hasPrefix("401 command.unknown:"))
            #expect(await harness.send("note list").hasSuffix("200 0 rows\n"))
            #expect(try await harness.count("SELECT count(*) FROM workbench.audit_log") == 0)
        }
    }

    @Test func commandsPastTheTimeLimitAreCancelled() async throws {
        // One second: long enough for the follow-up below to get a fresh connection while the
        // whole suite loads two cores (at 300 ms it timed out itself now and then).
        try await DispatcherHarness.with(commandTimeout: .seconds(1)) { (harness: DispatcherHarness) async throws in
            let started = ContinuousClock.now
            let reply = await harness.send("notes sleep seconds=60")
            #expect(reply.hasPrefix("504 command.timeout:"))
            // Cut at its limit, not run to its end: bounded well below the command's 60 s, with
            // room for a loaded CI machine.
            #expect(ContinuousClock.now - started < .seconds(30))
            // The connection went back to the pool in a usable state.
            let followUp = await harness.send("notes list")
            #expect(DispatcherHarness.status(followUp) == 200, "\(followUp)")
        }
    }

    @Test func framingErrorsAndBuiltIns() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            var state = SessionState(caller: DispatcherHarness.admin)
            let dispatcher = harness.dispatcher
            #expect(await dispatcher.respond(to: .tooLong(bytes: 70_000), in: &state)?.hasPrefix("413 request.line_too_long:") == true)
            #expect(await dispatcher.respond(to: .invalidUTF8, in: &state)?.hasPrefix("400 syntax:") == true)
            #expect(await dispatcher.respond(to: .line("   "), in: &state) == nil)
            #expect(await dispatcher.respond(to: .line("ping extra"), in: &state)?.hasPrefix("400 argument.unexpected_word") == true)
            #expect(await dispatcher.respond(to: .line("format yaml"), in: &state)?.hasPrefix("400 argument.invalid") == true)
            #expect(await dispatcher.respond(to: .line("format json"), in: &state) == #"200 {"message":"format json"}"# + "\n")
            #expect(await dispatcher.respond(to: .line("ping"), in: &state) == #"200 {"message":"pong"}"# + "\n")
            #expect(await dispatcher.respond(to: .line("bogus"), in: &state)?.hasPrefix(#"401 {"error":{"code":"command.unknown""#) == true)
            #expect(await dispatcher.respond(to: .line("quit"), in: &state) != nil)
            #expect(state.wantsClose)
            let modules = await harness.send("modules")
            #expect(modules.contains("notes\tnote\t笔记\t5\t"))
        }
    }
}
