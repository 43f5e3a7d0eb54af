// Which packages a package's dependsOn names may resolve to, the way Syft relates them.

/**
 * Packages sharing a scope key may satisfy each other's dependsOn (by name or provides):
 * - OS packages: the same database directory (`status`, `status.d/`, `rpm/`, `apk/db/`);
 * - Go modules, Rust crates, Java archives: the same file (a binary's modules say nothing about another's);
 * - Python: the enclosing site-packages (or dist-packages) directory, vendored distributions included;
 * - the Linux kernel and its modules: the whole image (a module names the kernel version it was built for);
 * - Arch packages: the pacman database (`/var/lib/pacman/local`, one directory per package);
 * - CPAN distributions: the whole image (Syft resolves MYMETA prerequisites over every distribution it found);
 * - Nix store paths: the whole image (they depend on each other by store path, which `provides` carries);
 * - anything else: the same file.
 */
export function dependencyScope(p: { type: string; locations: string[]; foundBy?: string }): string {
  // PHP extensions relate to every interpreter in the image.
  if (p.foundBy === 'php-interpreter-cataloger') return 'php-interpreter\0'
  const location = p.locations[0] ?? ''
  switch (p.type) {
    case 'deb':
    case 'rpm':
    case 'apk':
      return `${p.type}\0${location.slice(0, location.lastIndexOf('/'))}`
    case 'python': {
      const parts = location.split('/')
      for (let i = parts.length - 2; i >= 0; i--) {
        if (parts[i] === 'site-packages' || parts[i] === 'dist-packages')
          return `python\0${parts.slice(0, i + 1).join('/')}`
      }
      return 'python\0'
    }
    case 'alpm':
      return `alpm\0${location.slice(0, location.lastIndexOf('/', location.lastIndexOf('/') - 1))}`
    case 'cpan':
      return 'cpan\0'
    case 'nix':
      return 'nix\0'
    case 'linux-kernel':
    case 'linux-kernel-module':
      return 'linux-kernel\0'
    default:
      return `${p.type}\0${location}`
  }
}
