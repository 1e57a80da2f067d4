import HaVipModel
import Hummingbird
import Logging

/// On the control routes: whatever an endpoint throws becomes a ``ControlError``, the one shape of the
/// control API's failures. An API error (a catalogue entry) is answered as it is; a store that cannot be
/// reached is `ServiceUnavailable` (503); anything else is `InternalError` (500), logged, its text never
/// answered.
struct ControlErrorMiddleware: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ControlError {
            throw error
        } catch let error as APIError {
            throw ControlError(error)
        } catch StoreError.unavailable(let reason) {
            logger.warning("store unavailable", metadata: ["path": "\(request.uri.path)", "reason": "\(reason)"])
            throw ControlError(.serviceUnavailable)
        } catch {
            logger.error("control request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            throw ControlError(.internalError)
        }
    }
}
