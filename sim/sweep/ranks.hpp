// The processes a sweep runs on: one, or the ranks of an MPI job (an
// optional build, KPSIM_WITH_MPI). Variants are dealt out to ranks; rank 0
// gathers the results and writes the files.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kpsim::sweep {

// Starts and ends MPI for the process (no-op without MPI).
class RankSession {
 public:
  RankSession(int& argc, char**& argv);
  ~RankSession();
  RankSession(const RankSession&) = delete;
  RankSession& operator=(const RankSession&) = delete;
};

int this_rank();
int rank_count();
// Ranks sharing this machine (for the default thread count).
int ranks_on_this_machine();

// Waits until every rank is here.
void barrier();

using VariantText = std::pair<std::uint32_t, std::string>;  // variant index, its rows
// Every rank's texts, on rank 0 (in rank order); an empty list elsewhere.
std::vector<VariantText> gather_at_root(const std::vector<VariantText>& mine);

// Every rank's texts, on every rank (in rank order).
std::vector<VariantText> gather_at_all(const std::vector<VariantText>& mine);

// Ends every rank with `status` when one fails, so that none waits forever.
[[noreturn]] void abort_all_ranks(int status);

}  // namespace kpsim::sweep
