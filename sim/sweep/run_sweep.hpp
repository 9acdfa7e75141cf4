// Running a prepared sweep: work units of (variant, block of replications)
// over every thread of every rank, each variant reduced in replication order
// as soon as its blocks are done and its rows saved at once, so that an
// interrupted sweep can be resumed and still give byte-identical files.
//
// In the output directory:
//   sweep.csv, manifest.json   the results, written together at the end
//   .partial/                  rows of each finished variant (with a checksum)
//                              and the sweep's fingerprint, while the sweep
//                              runs; gone with the folder the results replace
#pragma once

#include <filesystem>
#include <ostream>

#include "sim/model/sweep_spec.hpp"
#include "sim/sweep/variant_scenarios.hpp"

namespace kpsim::sweep {

struct SweepOptions {
  std::filesystem::path out_dir;
  int threads = 1;
  bool resume = false;               // keep the finished variants of an interrupted run of the same sweep
  std::ostream* progress = nullptr;  // a progress line (done/total, rate, ETA), for terminals
};

struct SweepSummary {
  std::size_t variants = 0, resumed = 0;  // resumed: finished before, not run again
  std::size_t rejected = 0;               // saved but not verified (truncated, edited, a link …): run again
  std::size_t units = 0;                  // work units run here (this rank)
  std::uint64_t events = 0;
  int threads = 1;                        // threads the system let it start
};

// Throws model::InputError when --resume finds the results of another sweep.
SweepSummary run_sweep(const model::SweepSpec& spec, const PreparedSweep& prepared, const SweepOptions& options);

}  // namespace kpsim::sweep
