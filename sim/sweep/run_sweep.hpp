// Running a prepared sweep: work units of (variant, block of replications)
// over every thread of every rank, each variant reduced in replication order
// as soon as its blocks are done and its rows saved at once, so that an
// interrupted sweep can be resumed and still give byte-identical files.
//
// In the output directory:
//   sweep.csv, manifest.json   the results, written together at the end: each
//                              variant's rows, then (but for the reference
//                              variant) its paired differences against it
//   .partial/                  rows of each finished variant (with a checksum)
//                              and the sweep's fingerprint, while the sweep
//                              runs; gone with the folder the results replace
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

#include "sim/model/sweep_spec.hpp"
#include "sim/output/result_folder.hpp"
#include "sim/run/control.hpp"
#include "sim/sweep/variant_outcome.hpp"
#include "sim/sweep/variant_scenarios.hpp"

namespace kpsim::sweep {

struct SweepOptions {
  std::filesystem::path out_dir;
  int threads = 1;
  bool resume = false;               // keep the finished variants of an interrupted run of the same sweep
  std::string owner;                 // output::ResultFolder's: this sweep, by name and file
  bool overwrite = false;            // replace another owner's results
  std::ostream* progress = nullptr;  // a progress line (done/total, rate, ETA), for terminals
  run::Control* control = nullptr;   // progress and stop, for a caller on another thread
};

struct SweepSummary;
// What a command built on a sweep adds to its folder (rank 0, once every
// variant is done): written with sweep.csv and published with it.
using AlsoWrite = std::function<void(output::ResultFolder&, const SweepSummary&)>;

// One variant's line of the results table (rank 0, after the sweep).
struct SweepLine {
  std::size_t variant = 0;
  VariantOutcome outcome;             // without its series
  report::PairedStat investment_diff;  // the first calendar year's, against the reference
  report::PairedStat key_started_diff;  // key projects started in the first calendar year (none without key projects)
};

struct SweepSummary {
  std::size_t variants = 0, resumed = 0;  // resumed: finished before, not run again
  std::size_t rejected = 0;               // saved but not verified (truncated, edited, a link …): run again
  std::size_t units = 0;                  // work units run here (this rank)
  std::uint64_t events = 0;
  int threads = 1;                        // threads the system let it start
  std::vector<SweepLine> lines;           // rank 0: every variant, in order
};

// Throws model::InputError when --resume finds the results of another sweep.
SweepSummary run_sweep(const model::SweepSpec& spec, const PreparedSweep& prepared, const SweepOptions& options,
                       const AlsoWrite& also_write = {});

}  // namespace kpsim::sweep
