using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

/// <summary>On random trees every proof verifies, and every single-bit change to a proof, root, leaf, index or size fails.</summary>
public class ProofPropertyTests
{
    static Hash FlipBit(Hash hash, int bit)
    {
        var bytes = hash.ToArray();
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        return Hash.FromBytes(bytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Inclusion_AnySingleBitChange_Fails(int seed)
    {
        var random = new Random(seed);
        var tree = RandomTrees.Build(random, random.Next(2, 600));
        for (var trial = 0; trial < 40; trial++)
        {
            var size = (ulong)random.Next(1, (int)tree.Size + 1);
            var index = (ulong)random.NextInt64(0, (long)size);
            var leaf = tree.LeafHash(index);
            var root = tree.RootAt(size);
            var proof = tree.InclusionProof(index, size);
            Assert.True(InclusionProof.Verify(index, size, leaf, proof, root).IsValid);

            var bit = random.Next(256);
            Assert.False(InclusionProof.Verify(index, size, FlipBit(leaf, bit), proof, root).IsValid);
            Assert.False(InclusionProof.Verify(index, size, leaf, proof, FlipBit(root, bit)).IsValid);
            for (var i = 0; i < proof.Length; i++)
            {
                var tampered = (Hash[])proof.Clone();
                tampered[i] = FlipBit(tampered[i], random.Next(256));
                Assert.False(InclusionProof.Verify(index, size, leaf, tampered, root).IsValid);
            }

            for (var b = 0; b < 64; b++)
            {
                var otherIndex = index ^ (1UL << b);
                Assert.False(InclusionProof.Verify(otherIndex, size, leaf, proof, root).IsValid, $"index bit {b}");
                // A proof does not authenticate the tree size (the signed checkpoint does): a changed size may only pass
                // when it gives the proof exactly the same shape, so that the verifier computes the same thing.
                var otherSize = size ^ (1UL << b);
                if (InclusionProof.Verify(index, otherSize, leaf, proof, root).IsValid)
                {
                    Assert.Equal(InclusionShape(index, size), InclusionShape(index, otherSize));
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Consistency_AnySingleBitChange_Fails(int seed)
    {
        var random = new Random(seed);
        var tree = RandomTrees.Build(random, random.Next(2, 600));
        for (var trial = 0; trial < 40; trial++)
        {
            var size2 = (ulong)random.Next(2, (int)tree.Size + 1);
            var size1 = (ulong)random.NextInt64(1, (long)size2);
            var root1 = tree.RootAt(size1);
            var root2 = tree.RootAt(size2);
            var proof = tree.ConsistencyProof(size1, size2);
            Assert.True(ConsistencyProof.Verify(size1, size2, proof, root1, root2).IsValid);

            var bit = random.Next(256);
            Assert.False(ConsistencyProof.Verify(size1, size2, proof, FlipBit(root1, bit), root2).IsValid);
            Assert.False(ConsistencyProof.Verify(size1, size2, proof, root1, FlipBit(root2, bit)).IsValid);
            for (var i = 0; i < proof.Length; i++)
            {
                var tampered = (Hash[])proof.Clone();
                tampered[i] = FlipBit(tampered[i], random.Next(256));
                Assert.False(ConsistencyProof.Verify(size1, size2, tampered, root1, root2).IsValid);
            }

            for (var b = 0; b < 64; b++)
            {
                Assert.False(ConsistencyProof.Verify(size1 ^ (1UL << b), size2, proof, root1, root2).IsValid, $"size1 bit {b}");
                var otherSize2 = size2 ^ (1UL << b);
                if (ConsistencyProof.Verify(size1, otherSize2, proof, root1, root2).IsValid)
                {
                    Assert.Equal(ConsistencyShape(size1, size2), ConsistencyShape(size1, otherSize2));
                }
            }
        }
    }

    // The left/right decisions RFC 9162 §2.1.3.2 takes for (index, size), as a string.
    static string InclusionShape(ulong fn, ulong size)
    {
        var sn = size - 1;
        var shape = new System.Text.StringBuilder();
        while (sn != 0)
        {
            if ((fn & 1) == 1 || fn == sn)
            {
                shape.Append('L');
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                shape.Append('R');
            }

            fn >>= 1;
            sn >>= 1;
        }

        return shape.ToString();
    }

    // The decisions RFC 9162 §2.1.4.2 takes for (size1, size2), as a string.
    static string ConsistencyShape(ulong size1, ulong size2)
    {
        ulong fn = size1 - 1, sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var shape = new System.Text.StringBuilder(System.Numerics.BitOperations.IsPow2(size1) ? "P" : "-");
        while (sn != 0)
        {
            if ((fn & 1) == 1 || fn == sn)
            {
                shape.Append('B');
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                shape.Append('S');
            }

            fn >>= 1;
            sn >>= 1;
        }

        return shape.ToString();
    }
}
