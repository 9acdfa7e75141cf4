#include "sim/core/large_array.hpp"

#include <cstdint>
#include <new>

// Under AddressSanitizer the arrays stay ordinary allocations, which it
// checks (it does not watch a mapping of our own).
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
#define KPSIM_HUGE_PAGES 1
#include <sys/mman.h>
#endif

namespace kpsim::core {

namespace {
std::size_t whole_pages(std::size_t bytes) { return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes; }

#ifdef KPSIM_HUGE_PAGES
constexpr bool kMapped = true;
// A mapping of `size` bytes (whole huge pages) at a huge-page boundary:
// map one page more, unmap the slack on either side, then ask for huge
// pages before the first touch faults anything in. The hint may be refused
// (THP off): the memory is then ordinary pages, and nothing else changes.
void* map_huge(std::size_t size) {
  const std::size_t mapped = size + kHugePageBytes;
  void* m = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) throw std::bad_alloc();
  const auto base = reinterpret_cast<std::uintptr_t>(m);
  const std::uintptr_t aligned = (base + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  if (aligned > base) munmap(m, aligned - base);
  if (const std::uintptr_t end = aligned + size, mapped_end = base + mapped; mapped_end > end)
    munmap(reinterpret_cast<void*>(end), mapped_end - end);
  void* p = reinterpret_cast<void*>(aligned);
  madvise(p, size, MADV_HUGEPAGE);
  return p;
}
void unmap_huge(void* p, std::size_t size) { munmap(p, size); }
#else
constexpr bool kMapped = false;
void* map_huge(std::size_t) { throw std::bad_alloc(); }  // not called: kMapped
void unmap_huge(void*, std::size_t) {}
#endif
}  // namespace

bool large_arrays_mapped() { return kMapped; }

void* allocate_large(std::size_t bytes, std::size_t alignment) {
  if (!kMapped || bytes < kHugePageBytes) return ::operator new(bytes, std::align_val_t{alignment});
  return map_huge(whole_pages(bytes));
}

void deallocate_large(void* p, std::size_t bytes, std::size_t alignment) noexcept {
  if (!kMapped || bytes < kHugePageBytes) return ::operator delete(p, std::align_val_t{alignment});
  unmap_huge(p, whole_pages(bytes));
}

}  // namespace kpsim::core
