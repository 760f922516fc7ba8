#!/usr/bin/env bash
# pack-tool.sh OUT - builds every GcTrace.Pipe dotnet tool package into OUT:
#   GcTrace.Pipe               the package users name; it lists the RID packages below (.NET 10 RID-specific tools)
#   GcTrace.Pipe.linux-x64     Native AOT binary, portable x64 (x86-64-v1 + SSE4.2/POPCNT-free baseline of .NET), with
#                              its x86-64-v3 twin beside it, which it hands over to on CPUs with AVX2 (Avx2Twin.cs)
#   GcTrace.Pipe.linux-arm64   Native AOT binary, cross-compiled here with Debian's aarch64 cross toolchain
#   GcTrace.Pipe.any           framework-dependent, for every other platform with the .NET 10 runtime
# `dotnet tool install -g GcTrace.Pipe --add-source OUT` then installs the native binary on linux-x64 and linux-arm64
# and the framework-dependent build elsewhere. Each Native AOT binary also embeds SkiaSharp's and HarfBuzzSharp's
# native libraries for its RID, so it draws charts even when copied alone.
#
# Usage
#   scripts/pack-tool.sh OUT                      all four packages
#   PACK_RIDS="linux-x64" scripts/pack-tool.sh OUT   the top-level package and only the RID packages named (any, linux-*)
#   X64_ISA=x86-64-v3 scripts/pack-tool.sh OUT     linux-x64 compiled for AVX2 CPUs, for a private feed whose machines all
#                                                  have it: that binary refuses to start elsewhere (docs/benchmarks.md)
#
# Installs what Native AOT needs when missing (Debian packages): clang and zlib1g-dev; for a foreign-architecture
# Linux RID, gcc and binutils for that target and its libc headers (e.g. gcc-aarch64-linux-gnu, libc6-dev-arm64-cross).
# Builds in a private artifacts folder, so the working tree's bin/ and obj/ are left as they are.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: $0 OUT}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rids=${PACK_RIDS:-linux-x64 linux-arm64 any}
project=$root/src/GcTrace.Cli
work=$(mktemp -d "${TMPDIR:-/tmp}/gctrace-pack.XXXXXX")
trap 'rm -rf "$work"' EXIT

apt_install() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "pack-tool: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq > /dev/null
  apt-get install -y -qq "${missing[@]}" > /dev/null
}

# Debian's name for a .NET Linux RID's architecture, and the GNU triple of its cross toolchain.
deb_arch() { case "$1" in linux-x64) echo amd64 ;; linux-arm64) echo arm64 ;; *) echo "" ;; esac; }
gnu_triple() { case "$1" in linux-x64) echo x86_64-linux-gnu ;; linux-arm64) echo aarch64-linux-gnu ;; esac; }

host_arch=$(dpkg --print-architecture)
native_rids=()
for rid in $rids; do [ "$rid" = any ] || native_rids+=("$rid"); done
if [ ${#native_rids[@]} -gt 0 ]; then apt_install clang zlib1g-dev; fi

# Every build gets the same log file name pattern; a failure prints the tail of its log.
run() {
  local name=$1; shift
  if ! "$@" > "$work/$name.log" 2>&1; then
    tail -40 "$work/$name.log" >&2
    echo "pack-tool: $name failed (command: $*)" >&2
    exit 1
  fi
}
pack() { dotnet pack "$project" -c Release --artifacts-path "$work/artifacts" -o "$out" -p:CopyOutputSymbolsToPublishDirectory=false "$@"; }

# The top-level package names the RID packages; it holds no binary.
run pack-top pack
for rid in $rids; do
  args=(-r "$rid")
  arch=$(deb_arch "$rid")
  if [ "$rid" != any ] && [ -n "$arch" ] && [ "$arch" != "$host_arch" ]; then
    # Cross-compiling Native AOT: ILC emits code for the target; clang links with the target's GNU toolchain.
    triple=$(gnu_triple "$rid")
    apt_install "gcc-$triple" "binutils-$triple" "libc6-dev-$arch-cross"
    # objcopy strips the symbols into a .dbg file; the host's objcopy does not know the foreign ELF machine.
    args+=(-p:ObjCopyName="$triple-objcopy")
  fi
  if [ "$rid" = linux-x64 ] && [ -n "${X64_ISA:-}" ]; then args+=(-p:IlcInstructionSet="$X64_ISA"); fi
  if [ "$rid" = linux-x64 ] && [ -z "${X64_ISA:-}" ]; then
    # The AVX2 twin that the portable binary hands over to on CPUs that run it (src/GcTrace.Cli/Avx2Twin.cs).
    echo "pack-tool: $rid (x86-64-v3 twin)" >&2
    run "publish-$rid-v3" dotnet publish "$project" -c Release -r "$rid" -p:IlcInstructionSet=x86-64-v3 \
      --artifacts-path "$work/artifacts-v3" -o "$work/v3" -p:CopyOutputSymbolsToPublishDirectory=false
    args+=(-p:Avx2TwinPath="$work/v3/gctrace-pipe")
  fi
  echo "pack-tool: $rid" >&2
  run "pack-$rid" pack "${args[@]}"
done
ls -1 "$out"/GcTrace.Pipe*.nupkg
