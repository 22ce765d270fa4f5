import Foundation

/// Ctrl-C (SIGINT) or a scheduler's SIGTERM during a sweep: say how to continue, then exit with the
/// conventional 128 + signal. Finished batches are already checkpointed (each atomically), so nothing
/// needs cleaning up; the handler only writes a fixed message (async-signal-safe `write`) and exits.
enum SweepInterruption {
    static func explainOnInterrupt() {
        // A parent may have blocked these signals (the mask is inherited): unblock them for this
        // thread and the worker threads it starts.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                let message = "\nshockflow: interrupted; finished batches are checkpointed: run the same command with --resume to continue\n"
                message.withCString { text in _ = write(STDERR_FILENO, text, strlen(text)) }
                _exit(128 + received)
            }
        }
    }
}
