import Foundation

/// Writes a line to stdout at once (unbuffered), for people and scripts waiting on it.
func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
