import Foundation
import Glibc
import Testing
import WorkbenchDaemon
import WorkbenchTestSupport

/// One daemon per state directory: the lock and what a second taker is told.
@Suite("The state directory lock")
struct StateDirectoryLockTests {
    @Test func aSecondTakerIsRefusedNamingTheHoldersPid() throws {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-lock") + "/state/deeper"
        let held = try StateDirectoryLock.acquire(directory: directory)
        #expect(try String(contentsOfFile: held.path, encoding: .utf8) == "\(getpid())\n")
        // flock(2) locks belong to an open file description, so a second open in this process
        // is refused exactly as another daemon would be.
        #expect(throws: StateDirectoryLock.Failure.held(path: held.path, pid: getpid())) {
            try StateDirectoryLock.acquire(directory: directory)
        }
        #expect(try String(contentsOfFile: held.path, encoding: .utf8) == "\(getpid())\n", "the refused taker changed nothing")
    }

    @Test func theLockIsFreeAgainOnceItsHolderLetsGo() throws {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-lock")
        do { _ = try StateDirectoryLock.acquire(directory: directory) }
        let again = try StateDirectoryLock.acquire(directory: directory)
        #expect(FileManager.default.fileExists(atPath: again.path))
    }

    @Test func aDirectoryThatCannotBeMadeIsNamed() throws {
        let file = try TestCluster.makeTemporaryDirectory("dangjian-lock") + "/a-file"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        #expect {
            try StateDirectoryLock.acquire(directory: file + "/state")
        } throws: { error in
            "\(error)".contains("cannot lock the state directory (\(file)/state/dangjiand.lock)") && "\(error)".contains("daemon.state_dir")
        }
    }
}
