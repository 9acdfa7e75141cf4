#include "sim/cli/command_support.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

#include "sim/run/control.hpp"
#include "sim/sweep/ranks.hpp"

namespace kpsim::cli {

void print_warnings(std::ostream& err, const model::Scenario& sc) {
  for (const auto& w : sc.warnings) err << "warning: " << w.format() << '\n';
}

std::string directory_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_' || c == '.') ? c : '_';
  }
  return out.empty() || out == "." || out == ".." ? "scenario" : out;
}

int thread_count(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

int threads_per_rank(int requested) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return requested > 0 ? requested : std::max(1, cores / sweep::ranks_on_this_machine());
}

void write_or_fail(const std::string& dir, const std::function<void()>& write) {
  try {
    write();
  } catch (const model::InputError&) {
    throw;  // already says what is wrong, and where
  } catch (const run::Stopped&) {
    throw;  // asked to stop: not a failure to write
  } catch (const std::exception& e) {  // an unwritable --out is the user's to fix, not a bug
    throw model::InputError({{"E-IO-003", {dir, 0, 0, "--out"}, std::string("cannot write the results: ") + e.what()}});
  }
}

}  // namespace kpsim::cli
