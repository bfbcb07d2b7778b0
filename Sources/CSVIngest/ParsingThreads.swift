import Glibc

/// A job for ``ParsingThreads``: subclasses parse a piece in ``run()``.
///
/// A job is handed from the thread that submits it to the thread that runs it and back, and
/// only one of them touches it at a time: the submitter does not look at it again until
/// ``ParsingThreads/waitUntilFinished(_:)`` (or ``ParsingThreads/isFinished(_:)``) says it is
/// finished, and the threads' mutex orders those steps. That is what makes it safe to send,
/// hence `@unchecked Sendable`.
class ParsingJob: @unchecked Sendable {
    enum State { case queued, running, finished }

    /// Read and written only with the threads' mutex held.
    fileprivate var state = State.queued

    func run() {}
}

/// A fixed number of threads that run ``ParsingJob``s from one queue, while the thread that
/// submits them goes on reading the file and hands finished pieces on in order.
///
/// With no threads (one worker asked for, or none could be started) a job runs on the
/// submitting thread as it is submitted.
final class ParsingThreads: @unchecked Sendable {
    // Every mutable property is read and written only with `mutex` held; that is what makes
    // this class safe to share between threads (hence `@unchecked Sendable`).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a job is queued or the threads are to stop.
    private let jobQueued = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Broadcast when a job finishes.
    private let jobFinished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [ParsingJob] = []
    private var stopping = false
    private var threads: [pthread_t] = []

    init(count: Int) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(jobQueued, nil)
        pthread_cond_init(jobFinished, nil)
        for _ in 0..<max(0, count) {
            var thread = pthread_t()
            // The thread holds the threads object until it ends (released in `runJobs`).
            let context = Unmanaged.passRetained(self).toOpaque()
            let started = pthread_create(&thread, nil, { context in
                let threads = Unmanaged<ParsingThreads>.fromOpaque(context!).takeRetainedValue()
                threads.runJobs()
                return nil
            }, context)
            if started == 0 {
                threads.append(thread)
            } else {
                Unmanaged<ParsingThreads>.fromOpaque(context).release()
                break
            }
        }
    }

    deinit {
        pthread_cond_destroy(jobFinished)
        pthread_cond_destroy(jobQueued)
        pthread_mutex_destroy(mutex)
        jobFinished.deallocate()
        jobQueued.deallocate()
        mutex.deallocate()
    }

    /// Queues `job`, ahead of every queued job when `first`.
    func submit(_ job: ParsingJob, first: Bool = false) {
        guard !threads.isEmpty else {
            job.run()
            job.state = .finished
            return
        }
        locked {
            job.state = .queued
            if first { queue.insert(job, at: 0) } else { queue.append(job) }
            pthread_cond_signal(jobQueued)
        }
    }

    /// Takes `job` off the queue if no thread has started it; returns whether it was taken
    /// off. A job that was already running runs to its end.
    func withdraw(_ job: ParsingJob) -> Bool {
        locked {
            guard job.state == .queued, let index = queue.firstIndex(where: { $0 === job }) else { return false }
            queue.remove(at: index)
            job.state = .finished
            return true
        }
    }

    func isFinished(_ job: ParsingJob) -> Bool {
        locked { job.state == .finished }
    }

    func waitUntilFinished(_ job: ParsingJob) {
        locked {
            while job.state != .finished { pthread_cond_wait(jobFinished, mutex) }
        }
    }

    /// Lets the running jobs end, drops the queued ones and waits for the threads to end.
    func stop() {
        let running: [pthread_t] = locked {
            stopping = true
            queue.removeAll()
            pthread_cond_broadcast(jobQueued)
            defer { threads = [] }
            return threads
        }
        for thread in running { pthread_join(thread, nil) }
    }

    private func runJobs() {
        pthread_mutex_lock(mutex)
        while true {
            while queue.isEmpty && !stopping { pthread_cond_wait(jobQueued, mutex) }
            if stopping { break }
            let job = queue.removeFirst()
            job.state = .running
            pthread_mutex_unlock(mutex)
            job.run()
            pthread_mutex_lock(mutex)
            job.state = .finished
            pthread_cond_broadcast(jobFinished)
        }
        pthread_mutex_unlock(mutex)
    }

    private func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
