// Long work from Python: run on a thread of its own while the calling
// (Python) thread, without the GIL, wakes ten times a second to take it
// for a moment: to let Python handle a signal (Ctrl-C sets the control's
// stop, and the work ends between units) and to call the caller's progress
// callback with (done, total) replications. Other Python threads run
// meanwhile. The work must not touch Python objects.
#pragma once

#include <pybind11/pybind11.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "sim/run/control.hpp"

namespace kpsim::python {

namespace py = pybind11;

template <class Work>
auto in_background(run::Control& control, const py::object& progress, Work&& work) -> decltype(work()) {
  using Result = decltype(work());
  std::optional<Result> result;
  std::exception_ptr failure;
  std::optional<py::error_already_set> python_error;  // Ctrl-C, or the callback's own exception
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  auto report = [&] {
    if (!progress.is_none()) progress(control.done.load(), control.total.load());
  };
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      try {
        result.emplace(work());
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard lock(mutex);
      finished = true;
      finished_cv.notify_one();
    });
    std::unique_lock lock(mutex);
    while (!finished_cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return finished; })) {
      if (python_error) continue;  // stopping: wait for the work to end
      lock.unlock();
      {
        py::gil_scoped_acquire gil;
        try {
          if (PyErr_CheckSignals() != 0) throw py::error_already_set();
          report();
        } catch (py::error_already_set& e) {
          python_error.emplace(std::move(e));
          control.stop = true;
        }
      }
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (python_error) throw std::move(*python_error);
  if (failure) std::rethrow_exception(failure);
  report();
  return std::move(*result);
}

}  // namespace kpsim::python
