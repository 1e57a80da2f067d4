import HaVipModel
import Hummingbird

/// The RPC route's outermost middleware and the one place that observes finished requests: it gives each
/// request a ``RequestObservation`` box, lets the route answer or fail, and hands the outcome (status, error
/// code, duration, and what the route learned) to every ``RequestObserver``. Successes and failures alike:
/// a failure arrives as the ``RPCErrorEnvelope`` the envelope middleware threw, rethrown unchanged.
struct RequestObserverMiddleware: RouterMiddleware {
    let observers: [any RequestObserver]
    let clock: any WallClock

    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        let time = clock.now()
        let started = ContinuousClock.now
        let observation = RequestObservation()
        var context = context
        context.observation = observation
        do {
            let response = try await next(request, context)
            report(observation, time: time, started: started, status: response.status.code, code: nil)
            return response
        } catch let envelope as RPCErrorEnvelope {
            report(observation, time: time, started: started, status: envelope.error.httpStatus, code: envelope.error.code)
            throw envelope
        } catch {
            report(observation, time: time, started: started, status: 500, code: APIError.internalError.code)
            throw error
        }
    }

    private func report(_ observation: RequestObservation, time: Double, started: ContinuousClock.Instant, status: Int, code: String?) {
        let elapsed = (ContinuousClock.now - started).components
        let learned = observation.current
        let finished = FinishedRequest(
            time: time, action: learned.action?.name, product: learned.action?.product, account: learned.account, parameters: learned.parameters,
            status: status, code: code, durationSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18,
            requestId: learned.requestId)
        for observer in observers { observer.observe(finished) }
    }
}
