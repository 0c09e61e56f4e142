#!/usr/bin/python3
"""Development corpus of brand permutations for the domain-guard bench (issue 12).

Uses ONLY dnstwist's `Fuzzer` class (Debian package `dnstwist`, /usr/bin/python3) to generate
names; never its scanner. Every socket function is patched to raise BEFORE dnstwist is imported,
so no generated name can be resolved or contacted even by accident.

Brands: the catalogue's brands that do NOT appear in ../shared/eval-data/phish-dev.tsv (the real
phishing set we tune on), split by a hash of the brand id into a tuning half and a check half.
The bench reports the check half.

Output (stdout or --out FILE), tab-separated: host, technique, brand_id, label_length, split.
Usage: /usr/bin/python3 scripts/dev-corpus.py --out .cache/dev-corpus.tsv
"""
import hashlib
import json
import os
import socket
import sys


def _refuse(*_args, **_kwargs):
    raise OSError('dev-corpus: network access is disabled (no generated name may be resolved)')


socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
socket.gethostbyname_ex = _refuse
socket.gethostbyaddr = _refuse
socket.create_connection = _refuse
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse

import dnstwist  # noqa: E402  (imported only after the socket patch)

HOMOGLYPH_SAMPLE = 150
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICTS = '/usr/share/dnstwist/dictionaries'
FUZZERS = [
    'addition', 'bitsquatting', 'cyrillic', 'homoglyph', 'hyphenation', 'insertion', 'omission', 'repetition',
    'replacement', 'subdomain', 'transposition', 'vowel-swap', 'dictionary', 'tld-swap', 'various',
]


def eval_dir():
    for candidate in [os.environ.get('OTPGUARD_EVAL_DIR'), os.path.join(ROOT, '..', 'shared', 'eval-data'),
                      os.path.join(ROOT, '..', '..', 'shared', 'eval-data')]:
        if candidate and os.path.isfile(os.path.join(candidate, 'phish-dev.tsv')):
            return candidate
    sys.exit('dev-corpus: ../shared/eval-data/phish-dev.tsv not found (set OTPGUARD_EVAL_DIR)')


def read_words(name):
    with open(os.path.join(DICTS, name), encoding='utf-8') as f:
        return [w.strip() for w in f if w.strip() and not w.startswith('//')]


def dev_brand_domains():
    with open(os.path.join(eval_dir(), 'phish-dev.tsv'), encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        col = header.index('brand')
        return {line.rstrip('\n').split('\t')[col] for line in f}


def split_of(brand_id):
    return 'check' if hashlib.sha256(brand_id.encode()).digest()[0] % 2 else 'tune'


def main():
    out_path = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else None
    with open(os.path.join(ROOT, 'src', 'core', 'domain', 'catalogue', 'brands.json'), encoding='utf-8') as f:
        brands = json.load(f)['brands']
    dev = dev_brand_domains()
    words = read_words('english.dict')
    tlds = read_words('common_tlds.dict')
    rows = []
    for brand in brands:
        if brand['primaryDomain'] in dev:
            continue
        label = brand['labels'][0]
        suffix = brand['primaryDomain'].split('.', 1)[1]
        owned = set(brand['domains'])
        fuzzer = dnstwist.Fuzzer(f'{label}.{suffix}', dictionary=words, tld_dictionary=list(tlds))
        fuzzer.generate(fuzzers=FUZZERS)
        homoglyphs = 0
        # dnstwist's homoglyph fuzzer makes thousands of multi-letter combinations per brand: keep a
        # deterministic sample (by hash) so one technique does not swamp the bench.
        for perm in sorted(fuzzer.domains, key=lambda p: (p['fuzzer'], hashlib.sha256(p['domain'].encode()).digest())):
            host = perm['domain']
            if host in owned or host == f'{label}.{suffix}':
                continue
            if perm['fuzzer'] == 'homoglyph':
                homoglyphs += 1
                if homoglyphs > HOMOGLYPH_SAMPLE:
                    continue
            rows.append(f"{host}\t{perm['fuzzer']}\t{brand['id']}\t{len(label)}\t{split_of(brand['id'])}")
    text = '# host\ttechnique\tbrand_id\tlabel_length\tsplit\n' + '\n'.join(rows) + '\n'
    if out_path:
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
        with open(out_path, 'w', encoding='utf-8') as f:
            f.write(text)
        print(f'dev-corpus: {len(rows)} permutations written to {out_path}', file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == '__main__':
    main()
