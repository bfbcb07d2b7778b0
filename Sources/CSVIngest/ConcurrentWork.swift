import Dispatch
import Glibc

/// Runs independent jobs on a few threads and keeps their results in job order: the outputs of
/// a run are rendered this way, each by one thread, and a large file's encoding is checked in
/// parts.
public enum ConcurrentWork {
    /// `job(index)` for every index in `0..<count`, on at most `threads` threads (the calling
    /// one among them); the results in index order. Jobs are taken in index order, so the
    /// longest should come first.
    public static func map<Result: Sendable>(_ count: Int, threads: Int,
                                      _ job: @Sendable (Int) -> Result) -> [Result] {
        let board = JobBoard<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while let index = board.nextJob() { board.finish(index, with: job(index)) }
        }
        return board.results()
    }

    /// The next job to take and the results so far, shared by the threads; every property is
    /// touched only with `mutex` held (hence `@unchecked Sendable`).
    private final class JobBoard<Result>: @unchecked Sendable {
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let count: Int
        private var next = 0
        private var finished: [Result?]

        init(count: Int) {
            self.count = count
            finished = Array(repeating: nil, count: count)
            pthread_mutex_init(mutex, nil)
        }

        deinit {
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        func nextJob() -> Int? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ index: Int, with result: Result) {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            finished[index] = result
        }

        func results() -> [Result] {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return finished.map { $0! }
        }
    }
}
