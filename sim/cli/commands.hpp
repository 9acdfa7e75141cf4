// The kpsim commands as library functions: main() only parses flags and maps
// exceptions to exit codes, so everything here is reachable from tests.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/run/control.hpp"

namespace kpsim::cli {

struct RunOptions {
  std::string scenario;
  std::vector<std::string> policies;   // overlay files, applied after the scenario's own policies
  std::optional<std::string> out_dir;  // default out/<scenario name>/
  bool overwrite = false;              // replace results another command (or sweep) wrote there
  std::optional<int> replications;     // default: the scenario's
  std::optional<std::uint64_t> seed;   // default: the scenario's
  int threads = 0;                     // 0: all cores
  std::optional<double> until_converged;
  int max_rounds = 100;                // until_converged: at most this many rounds of --replications
  bool deterministic = false;
  run::Control* control = nullptr;     // progress and stop (the Python module); none from the command line
};

struct GraphOptions {
  std::string scenario;
  std::vector<std::string> policies;
  std::optional<std::string> project;
  bool dot = false;
};

// The base against each variant, with common random numbers. A variant is
// a scenario file, or a policy overlay file (only `kpsim` and `policies`)
// applied to the base.
struct CompareOptions {
  std::string base;
  std::vector<std::string> variants;
  std::optional<std::string> out_dir;  // default out/compare-<base name>/
  bool overwrite = false;              // replace results another command (or sweep) wrote there
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  run::Control* control = nullptr;
};

struct SweepCommandOptions {
  std::string file;
  std::optional<std::string> out_dir;  // default out/sweep-<sweep name>/
  bool overwrite = false;              // replace results another command (or sweep) wrote there
  int threads = 0;                     // 0: all cores (shared by the ranks on a machine)
  bool resume = false;
  bool dry_run = false;
  run::Control* control = nullptr;     // progress and stop; a terminal's progress line only without
};

struct PsplibOptions {
  std::string path;                    // an .sm file or a folder of them
  std::optional<std::string> rule;     // one rule; default all
  std::optional<std::string> schedule_out;  // CSV job,start (one file: the rule's or the best rule's schedule)
  std::optional<std::string> bounds;   // folder of bound files (default: DIR/../bounds, or DIR/bounds)
  std::optional<std::string> csv_out;  // per instance and rule: makespan, bounds
};

struct GenerateOptions {
  std::optional<std::uint32_t> projects;         // a synthetic portfolio of this many projects
  std::optional<std::uint32_t> reference_model;  // or RM-AP with this many projects
  std::uint64_t seed = 1;
  std::string out;  // the scenario file; the projects CSV goes beside it
};

// What each risk, reviewer and step is worth (docs/drivers.md): a variant
// per driver against the base, run as a sweep.
struct DriversOptions {
  std::string scenario;
  std::vector<std::string> policies;
  std::string what = "risks,agencies";  // any of risks, agencies, steps
  std::optional<std::string> out_dir;   // default out/drivers-<scenario name>/
  bool overwrite = false;
  std::optional<int> replications;      // default: the scenario's
  std::optional<std::uint64_t> seed;
  int threads = 0;
  bool resume = false;
  run::Control* control = nullptr;
};

// Calibration to observed figures (docs/calibration.md).
struct CalibrateOptions {
  std::string file;
  std::optional<std::string> out_dir;  // default out/calibration-<name>/ (recovery: out/recovery-<name>/)
  bool overwrite = false;              // replace results another command (or sweep) wrote there
  int threads = 0;                     // 0: all cores (shared by the ranks on a machine)
  std::optional<std::string> until;    // backtest: fit up to this month (YYYY-MM), forecast the rest
  bool resume = false;
  bool dry_run = false;
  std::optional<int> recovery;         // calibrate this many synthetic truths instead
  run::Control* control = nullptr;     // progress and stop; a terminal's progress line only without
};

// Each returns the exit status for success; input errors are thrown as
// model::InputError and become exit status 2 in main().
int validate(const std::string& scenario, const std::vector<std::string>& policies, std::ostream& out, std::ostream& err);
// What `kpsim validate` prints of a scenario read and compiled.
void print_validation(std::ostream& out, const std::string& scenario, const model::Scenario& sc, const engine::Network& net);
int compare(const CompareOptions& options, std::ostream& out, std::ostream& err);
int sweep(const SweepCommandOptions& options, std::ostream& out, std::ostream& err);
int psplib(const PsplibOptions& options, std::ostream& out, std::ostream& err);
int generate(const GenerateOptions& options, std::ostream& out, std::ostream& err);
int run(const RunOptions& options, std::ostream& out, std::ostream& err);
int graph(const GraphOptions& options, std::ostream& out, std::ostream& err);
int calibrate(const CalibrateOptions& options, std::ostream& out, std::ostream& err);
int drivers(const DriversOptions& options, std::ostream& out, std::ostream& err);

// Prints input errors as "file:line:column: key_path: message [code]".
void print_input_error(std::ostream& err, const std::exception& e);

}  // namespace kpsim::cli
