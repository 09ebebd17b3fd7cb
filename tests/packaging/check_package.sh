#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# packaging_deb: builds the Debian package from a finished build tree and checks it as a
# distribution would: lintian reports no errors, the desktop file and the AppStream metainfo
# validate, the package declares its library dependencies, and once unpacked into a scratch
# root its programs run: retort --version, retort -c <example> history, retort-studio
# --version, and the man pages and bash completion are where they belong.
# Usage: check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "packaging_deb: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/retort_*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# Dependencies computed from the binaries (shlibdeps), plus the SQL driver plugins.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in libqt6core6 libqt6widgets6 libqt6sql6 libqscintilla2-qt6 libqt6keychain1 libqt6sql6-sqlite libqt6sql6-psql; do
    [[ $depends == *"$needed"* ]] || fail "Depends lacks $needed"
done

# lintian: no errors (warnings are printed for the reader).
lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$work/lintian.log" ||
    fail "lintian found errors"

root=$work/root
dpkg-deb -x "$deb" "$root"
for file in usr/bin/retort usr/bin/retort-studio \
            usr/share/applications/dev.retort.Studio.desktop \
            usr/share/metainfo/dev.retort.Studio.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/dev.retort.Studio.svg \
            usr/share/icons/hicolor/48x48/apps/dev.retort.Studio.png \
            usr/share/man/man1/retort.1.gz usr/share/man/man1/retort-studio.1.gz \
            usr/share/bash-completion/completions/retort \
            usr/share/doc/retort/copyright usr/share/doc/retort/changelog.gz; do
    [[ -e $root/$file ]] || fail "the package lacks /$file"
done
desktop-file-validate "$root/usr/share/applications/dev.retort.Studio.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/dev.retort.Studio.metainfo.xml" ||
    fail "appstreamcli validate"

# The man pages name every command and the exit codes (they come from --help).
man=$(zcat "$root/usr/share/man/man1/retort.1.gz")
for expected in '.SH "EXIT STATUS"' '.SH EXAMPLES' '.SS "retort upgrade"' '.SS "retort lint"'; do
    [[ $man == *"$expected"* ]] || fail "retort.1 lacks $expected"
done

# The programs, run from the scratch root.
version=$("$root/usr/bin/retort" --version)
[[ $version == "retort "* ]] || fail "retort --version printed '$version'"
echo "$version"
cp -r "$source/migrations" "$work/example"
history=$(cd "$work" && "$root/usr/bin/retort" -c example/retort.ini history)
echo "$history"
[[ $history == *"(head)"* && $history == *"baseline schema"* ]] || fail "retort history"
studio=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/retort-studio" --version 2>/dev/null)
[[ $studio == *"0."* ]] || fail "retort-studio --version printed '$studio'"
bash -n "$root/usr/share/bash-completion/completions/retort" || fail "completion syntax"
echo "packaging_deb: ok"
