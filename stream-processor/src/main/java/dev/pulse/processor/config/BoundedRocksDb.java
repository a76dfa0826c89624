package dev.pulse.processor.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB's off-heap memory for the whole process, however many stores and tasks it holds:
 * every store shares one block cache, and memtables are charged to it through one write-buffer
 * manager (the Kafka Streams memory-management recipe). Without it each store instance takes its
 * own 50 MB-class defaults, and memory grows with the partition count.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    /** Off-heap total for all stores: block cache plus memtables. */
    static final long TOTAL_BYTES = 64L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    private static final double INDEX_FILTER_RATIO = 0.1;

    // Shared by every store instance of the process, so created once and never closed per store.
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_RATIO);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager belong to the process, not to one store.
    }
}
