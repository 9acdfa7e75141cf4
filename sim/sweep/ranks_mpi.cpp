// The sweep's ranks under MPI (Open MPI from Debian's packages).
#include <mpi.h>

#include <cstdlib>

#include "sim/sweep/ranks.hpp"

namespace kpsim::sweep {

RankSession::RankSession(int& argc, char**& argv) { MPI_Init(&argc, &argv); }
RankSession::~RankSession() { MPI_Finalize(); }

int this_rank() {
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}

int rank_count() {
  int n = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &n);
  return n;
}

int ranks_on_this_machine() {
  MPI_Comm local;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
  int n = 1;
  MPI_Comm_size(local, &n);
  MPI_Comm_free(&local);
  return n;
}

void barrier() { MPI_Barrier(MPI_COMM_WORLD); }

namespace {

// No message count may exceed what an int holds.
constexpr long long kChunk = 1 << 30;

// Texts packed as (index, length, bytes)….
std::string pack(const std::vector<VariantText>& texts) {
  std::string packed;
  for (const auto& [index, text] : texts) {
    const std::uint64_t header[2] = {index, text.size()};
    packed.append(reinterpret_cast<const char*>(header), sizeof header);
    packed += text;
  }
  return packed;
}

void unpack(const std::string& bytes, std::vector<VariantText>& into) {
  for (std::size_t at = 0; at < bytes.size();) {
    std::uint64_t header[2];
    bytes.copy(reinterpret_cast<char*>(header), sizeof header, at);
    at += sizeof header;
    into.emplace_back(static_cast<std::uint32_t>(header[0]), bytes.substr(at, header[1]));
    at += header[1];
  }
}

}  // namespace

// Each rank packs its texts; rank 0 unpacks them all.
std::vector<VariantText> gather_at_root(const std::vector<VariantText>& mine) {
  const std::string packed = pack(mine);
  const int ranks = rank_count(), rank = this_rank();
  const long long size = static_cast<long long>(packed.size());
  std::vector<long long> sizes(static_cast<std::size_t>(ranks));
  MPI_Gather(&size, 1, MPI_LONG_LONG, sizes.data(), 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  // Texts go one rank at a time so that no count exceeds what an int holds per message.
  std::vector<VariantText> all;
  if (rank == 0) {
    unpack(packed, all);
    for (int r = 1; r < ranks; ++r) {
      std::string bytes(static_cast<std::size_t>(sizes[static_cast<std::size_t>(r)]), '\0');
      for (long long at = 0; at < sizes[static_cast<std::size_t>(r)]; at += kChunk) {
        const int n = static_cast<int>(std::min(kChunk, sizes[static_cast<std::size_t>(r)] - at));
        MPI_Recv(bytes.data() + at, n, MPI_CHAR, r, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      }
      unpack(bytes, all);
    }
  } else {
    for (long long at = 0; at < size; at += kChunk) {
      const int n = static_cast<int>(std::min(kChunk, size - at));
      MPI_Send(packed.data() + at, n, MPI_CHAR, 0, 0, MPI_COMM_WORLD);
    }
  }
  return all;
}

// Gathered at rank 0, then packed once more and broadcast.
std::vector<VariantText> gather_at_all(const std::vector<VariantText>& mine) {
  std::string packed = pack(gather_at_root(mine));
  long long size = static_cast<long long>(packed.size());
  MPI_Bcast(&size, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  packed.resize(static_cast<std::size_t>(size));
  for (long long at = 0; at < size; at += kChunk)
    MPI_Bcast(packed.data() + at, static_cast<int>(std::min(kChunk, size - at)), MPI_CHAR, 0, MPI_COMM_WORLD);
  std::vector<VariantText> all;
  unpack(packed, all);
  return all;
}

void abort_all_ranks(int status) {
  if (rank_count() > 1) MPI_Abort(MPI_COMM_WORLD, status);
  MPI_Finalize();
  std::exit(status);
}

}  // namespace kpsim::sweep
