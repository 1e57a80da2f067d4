import HaVipLab
import Testing

@testable import HaVipDataplane

/// What the lab cannot do answers the control API's errors.
@Suite struct DataplaneErrorTests {
    @Test func aMoveThatTimesOutIsFailoverTimedOutAndTheRestDataPlaneUnavailable() {
        let timedOut = Dataplane.apiError(.moveTimedOut(haVip: "havip-1", holder: "i-2", seconds: 10))
        #expect(timedOut.code == "FailoverTimedOut" && timedOut.httpStatus == 504)
        #expect(timedOut.message == "The address did not move on the wire in time: i-2 did not take havip-1's address within 10.0 s.")
        for error in [LabError.notRunning, .unknownHaVip("havip-1"), .cannotHold(haVip: "havip-1", holder: "i-2", reason: "its instance is not running")] {
            let answered = Dataplane.apiError(error)
            #expect(answered.code == "DataPlaneUnavailable" && answered.httpStatus == 503)
            #expect(answered.message == "The data plane cannot move the address now: \(error.description).")
        }
    }
}
