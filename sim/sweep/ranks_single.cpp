// The sweep's ranks without MPI: one process.
#include <cstdlib>

#include "sim/sweep/ranks.hpp"

namespace kpsim::sweep {

RankSession::RankSession(int&, char**&) {}
RankSession::~RankSession() = default;
int this_rank() { return 0; }
int rank_count() { return 1; }
int ranks_on_this_machine() { return 1; }
void barrier() {}
std::vector<VariantText> gather_at_root(const std::vector<VariantText>& mine) { return mine; }
std::vector<VariantText> gather_at_all(const std::vector<VariantText>& mine) { return mine; }
void abort_all_ranks(int status) { std::exit(status); }

}  // namespace kpsim::sweep
