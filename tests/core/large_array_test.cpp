#include "sim/core/large_array.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace kpsim::core {
namespace {

struct alignas(64) Line {
  std::uint64_t words[8];
};

std::uintptr_t address(const void* p) { return reinterpret_cast<std::uintptr_t>(p); }

TEST(LargeArray, ArraysOfAHugePageOrMoreStartOnAHugePageBoundary) {
  if (!large_arrays_mapped()) GTEST_SKIP() << "ordinary allocations in this build";
  LargeArray<double> a(kHugePageBytes / sizeof(double) * 3 + 5);
  EXPECT_EQ(address(a.data()) % kHugePageBytes, 0u);
  LargeArray<Line> b(kHugePageBytes / sizeof(Line) + 1);
  EXPECT_EQ(address(b.data()) % kHugePageBytes, 0u);
}

TEST(LargeArray, SmallArraysKeepTheirTypesAlignment) {
  for (std::size_t n : {1u, 3u, 100u}) {
    LargeArray<Line> a(n);
    EXPECT_EQ(address(a.data()) % alignof(Line), 0u) << n;
  }
}

TEST(LargeArray, GrowingAcrossTheThresholdKeepsEveryValue) {
  LargeArray<std::uint32_t> a;
  const std::size_t n = kHugePageBytes / sizeof(std::uint32_t) * 2 + 7;
  for (std::uint32_t i = 0; i < n; ++i) a.push_back(i);  // small blocks, then mapped ones
  std::uint64_t sum = std::accumulate(a.begin(), a.end(), std::uint64_t{0});
  EXPECT_EQ(sum, std::uint64_t{n} * (n - 1) / 2);
  a.resize(10);
  a.shrink_to_fit();  // back below the threshold
  EXPECT_EQ(a.back(), 9u);
  LargeArray<std::uint32_t> copy = a;
  EXPECT_EQ(copy, a);
}

}  // namespace
}  // namespace kpsim::core
