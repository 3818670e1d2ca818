greeting: hello from packer
